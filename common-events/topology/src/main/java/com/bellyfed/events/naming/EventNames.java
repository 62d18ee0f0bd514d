package com.bellyfed.events.naming;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Event type names: {@code [domain].[entity].[action]} in lower case (e.g. {@code
 * user.profile.updated}), their EventBridge source {@code bellyfed.{domain}} and detail-type, the
 * PascalCase of entity and action ({@code ProfileUpdated}).
 */
public final class EventNames {

  private static final Pattern EVENT_TYPE =
      Pattern.compile("([a-z][a-z0-9]*)\\.([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\\.([a-z][a-z0-9]*(?:-[a-z0-9]+)*)");

  private EventNames() {}

  /**
   * Checks an event type name.
   *
   * @throws IllegalArgumentException naming what is wrong with it
   */
  public static String requireValid(String eventType) {
    if (!EVENT_TYPE.matcher(eventType).matches()) {
      throw new IllegalArgumentException(
          "Event type '"
              + eventType
              + "' must be [domain].[entity].[action] in lower case, e.g. user.profile.updated");
    }
    return eventType;
  }

  public static boolean isValid(String eventType) {
    return EVENT_TYPE.matcher(eventType).matches();
  }

  public static String domain(String eventType) {
    return requireValid(eventType).substring(0, eventType.indexOf('.'));
  }

  public static String source(String eventType) {
    return "bellyfed." + domain(eventType);
  }

  public static String detailType(String eventType) {
    String[] parts = requireValid(eventType).split("\\.");
    return pascal(parts[1]) + pascal(parts[2]);
  }

  private static String pascal(String word) {
    return Arrays.stream(word.split("-"))
        .map(part -> part.substring(0, 1).toUpperCase(Locale.ROOT) + part.substring(1))
        .collect(Collectors.joining());
  }
}
