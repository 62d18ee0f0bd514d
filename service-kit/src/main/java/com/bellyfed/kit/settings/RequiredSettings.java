package com.bellyfed.kit.settings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * The settings a service deployed anywhere but a developer's machine must be given, because a default
 * would be wrong there: the environment (a forgotten one would use the dev buses and tables), the region,
 * the token issuer and the cursor secret. Outside the local profiles the service refuses to start and
 * names every missing one at once.
 */
public final class RequiredSettings {

  /** The profiles of a developer's machine and of tests, where the defaults are safe. */
  public static final Set<String> LOCAL_PROFILES = Set.of("local", "test");
  /** Further property names a service requires outside the local profiles (e.g. its own secrets). */
  public static final String ALSO_REQUIRED = "bellyfed.settings.also-required";

  static final String EVENTS_PROPERTIES = "com.bellyfed.events.autoconfigure.EventsProperties";

  private RequiredSettings() {}

  public static boolean local(Environment environment) {
    return Arrays.stream(environment.getActiveProfiles()).anyMatch(LOCAL_PROFILES::contains);
  }

  /**
   * What is missing, one line per setting, each naming its property and environment variable.
   *
   * @param events whether the service uses the event runtime (common-events), whose environment defaults to dev
   * @param pages whether the service signs page cursors (has {@code @EnablePaging})
   * @param secured whether the service is a resource server
   */
  public static List<String> missing(Environment environment, boolean events, boolean pages, boolean secured) {
    List<String> missing = new ArrayList<>();
    if (events && absent(environment, "bellyfed.events.environment")) {
      missing.add("bellyfed.events.environment (BELLYFED_EVENTS_ENVIRONMENT): the environment whose buses and tables "
          + "this service uses (dev, staging, prod)");
    }
    if (absent(environment, "AWS_REGION") && absent(environment, "aws.region")
        && absent(environment, "spring.cloud.aws.region.static")) {
      missing.add("the AWS region (AWS_REGION, or the system property aws.region, or spring.cloud.aws.region.static)");
    }
    if (secured) {
      if (absent(environment, "bellyfed.security.issuer-uri")) {
        missing.add("bellyfed.security.issuer-uri (BELLYFED_SECURITY_ISSUER_URI): the Cognito user pool's issuer, "
            + "https://cognito-idp.<region>.amazonaws.com/<poolId>");
      }
      if (absent(environment, "bellyfed.security.client-ids") && absent(environment, "bellyfed.security.client-ids[0]")) {
        missing.add("bellyfed.security.client-ids (BELLYFED_SECURITY_CLIENT_IDS): the app client ids whose tokens are accepted");
      }
    }
    if (pages && absent(environment, "bellyfed.paging.cursor-secret")) {
      missing.add("bellyfed.paging.cursor-secret (BELLYFED_PAGING_CURSOR_SECRET): the key page cursors are signed with, "
          + "at least 32 characters, the same for every instance");
    }
    for (String name : environment.getProperty(ALSO_REQUIRED, String[].class, new String[0])) {
      if (absent(environment, name.trim())) {
        missing.add(name.trim());
      }
    }
    return missing;
  }

  /** The refusal: every missing setting, and how to run without them on purpose. */
  public static String message(Environment environment, List<String> missing) {
    return "This service is starting outside the local profiles " + LOCAL_PROFILES + " (active profiles: "
        + Arrays.toString(environment.getActiveProfiles()) + ") and these settings have no safe default there:\n  - "
        + String.join("\n  - ", missing)
        + "\nSet each of them, or run with the profile 'local' on a developer's machine.";
  }

  /** Whether the event runtime is on the classpath: its environment name defaults to dev, wrong anywhere else. */
  static boolean events(ClassLoader classes) {
    return ClassUtils.isPresent(EVENTS_PROPERTIES, classes);
  }

  private static boolean absent(Environment environment, String name) {
    return !StringUtils.hasText(environment.getProperty(name));
  }
}
