package com.bellyfed.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bellyfed.kit.settings.MissingSettingsException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;

/**
 * Issue 18: "the analytics cursor secret has a public default". It has none: the service, started as a
 * deployment starts it (any profile but local or test, its own application.yml and nothing else), refuses
 * to start without {@code bellyfed.paging.cursor-secret}, with service-kit's message naming the setting and
 * its environment variable, before any bean (or AWS client) is made.
 */
@ExtendWith(OutputCaptureExtension.class)
class AnalyticsRequiredSettingsTests {

  private static final String CURSOR_SECRET = "bellyfed.paging.cursor-secret (BELLYFED_PAGING_CURSOR_SECRET)";

  @Test
  void withoutACursorSecretTheServiceRefusesToStartNamingIt(CapturedOutput output) {
    assertThatThrownBy(() -> start("prod", "--AWS_REGION=eu-west-1", "--bellyfed.events.environment=prod",
        "--bellyfed.security.issuer-uri=https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Pool", "--bellyfed.security.client-ids=app"))
        .isInstanceOf(MissingSettingsException.class)
        .hasMessageContaining("active profiles: [prod]")
        .hasMessageContaining(CURSOR_SECRET)
        // Only what is missing: everything else was given.
        .hasMessageNotContaining("AWS_REGION")
        .hasMessageNotContaining("BELLYFED_EVENTS_ENVIRONMENT")
        .hasMessageNotContaining("issuer-uri")
        .hasMessageNotContaining("client-ids");
    assertThat(output).contains("APPLICATION FAILED TO START", CURSOR_SECRET);
  }

  @Test
  void aDeploymentThatSetsNothingLearnsEverythingItMustSetAtOnce() {
    assertThatThrownBy(() -> start(null))
        .isInstanceOf(MissingSettingsException.class)
        .hasMessageContaining("active profiles: []")
        .hasMessageContaining(CURSOR_SECRET)
        .hasMessageContaining("bellyfed.events.environment (BELLYFED_EVENTS_ENVIRONMENT)")
        .hasMessageContaining("AWS_REGION")
        .hasMessageContaining("bellyfed.security.issuer-uri (BELLYFED_SECURITY_ISSUER_URI)")
        .hasMessageContaining("bellyfed.security.client-ids (BELLYFED_SECURITY_CLIENT_IDS)");
  }

  /**
   * Starts the service with its own configuration only: the main application.yml (not the tests'
   * application.properties, which holds a test secret), and neither the machine's environment nor the JVM's
   * system properties (AWS_REGION or a secret may be set where the tests run).
   */
  private static void start(String profile, String... arguments) {
    List<String> all = new ArrayList<>(List.of("--spring.config.location=classpath:/application.yml", "--server.port=0",
        "--management.server.port=0", "--spring.main.banner-mode=off"));
    all.addAll(List.of(arguments));
    SpringApplicationBuilder application = new SpringApplicationBuilder(AnalyticsServiceApplication.class)
        .initializers(context -> {
          context.getEnvironment().getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
          context.getEnvironment().getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        });
    if (profile != null) {
      application.profiles(profile);
    }
    application.run(all.toArray(String[]::new)).close();
  }
}
