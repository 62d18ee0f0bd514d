package com.bellyfed.events.catalog;

import com.bellyfed.events.naming.EventNames;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every event type the platform publishes, with its bus, source, detail-type, version and required
 * data fields. Analytics events form one family: any {@code [A-Z_]+_ANALYTICS} type goes to the
 * analytics bus.
 */
public final class EventCatalog {

  private static final Pattern ANALYTICS_TYPE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*_ANALYTICS");

  private final Map<String, EventDefinition> definitions;

  public EventCatalog(List<EventDefinition> definitions) {
    this.definitions = definitions.stream().collect(Collectors.toUnmodifiableMap(EventDefinition::eventType, Function.identity()));
  }

  /** The Bellyfed catalog (DESIGN.md §3-4 and the service issues). */
  public static EventCatalog bellyfed() {
    return new EventCatalog(
        List.of(
            domain("user.profile.updated", "user", "userId", "displayName"),
            domain("user.preferences.changed", "user", "userId"),
            domain("user.account.created", "user", "userId", "email"),
            domain("restaurant.listing.created", "restaurant", "restaurantId", "name", "city"),
            domain("restaurant.listing.updated", "restaurant", "restaurantId"),
            domain("restaurant.listing.deleted", "restaurant", "restaurantId"),
            domain("restaurant.review.created", "restaurant", "reviewId", "restaurantId", "rating"),
            domain("restaurant.review.deleted", "restaurant", "reviewId", "restaurantId", "rating"),
            domain("restaurant.rating.updated", "restaurant", "restaurantId", "reviewCount", "avgRating"),
            // One per imported chunk of reviews (or several, when its restaurants would pass 256 KB): per-restaurant deltas.
            domain("restaurant.reviews.imported", "restaurant", "jobId", "chunkId", "restaurants"),
            domain("system.import.started", "system", "jobId", "type"),
            domain("system.import.progressed", "system", "jobId", "received", "written", "rejected", "failed"),
            domain("system.import.completed", "system", "jobId", "received", "written", "rejected", "failed"),
            domain("system.import.failed", "system", "jobId", "reason"),
            // Errors from any service go to the error bus, whose rule matches detail-type ErrorOccurred.
            new EventDefinition(
                ErrorOccurred.EVENT_TYPE, 1, "error", "bellyfed.system", "ErrorOccurred",
                Set.of("service", "severity", "errorCode", "canRetry"))));
  }

  private static EventDefinition domain(String eventType, String busDomain, String... requiredFields) {
    return new EventDefinition(
        EventNames.requireValid(eventType), 1, busDomain, EventNames.source(eventType), EventNames.detailType(eventType), Set.of(requiredFields));
  }

  /**
   * The definition of a type.
   *
   * @throws InvalidEventException when the catalog does not know it
   */
  public EventDefinition require(String eventType) {
    return find(eventType)
        .orElseThrow(
            () ->
                new InvalidEventException(
                    "Unknown event type '" + eventType + "': it is not in the event catalog (known: "
                        + definitions.keySet().stream().sorted().collect(Collectors.joining(", ")) + ", *_ANALYTICS)"));
  }

  public Optional<EventDefinition> find(String eventType) {
    EventDefinition definition = definitions.get(eventType);
    if (definition != null) {
      return Optional.of(definition);
    }
    if (ANALYTICS_TYPE.matcher(eventType).matches()) {
      return Optional.of(
          new EventDefinition(eventType, 1, "analytics", "bellyfed.analytics", pascal(eventType), AnalyticsEvent.REQUIRED_FIELDS));
    }
    return Optional.empty();
  }

  public List<EventDefinition> all() {
    return definitions.values().stream().sorted((a, b) -> a.eventType().compareTo(b.eventType())).toList();
  }

  private static String pascal(String upperSnake) {
    return Arrays.stream(upperSnake.split("_"))
        .map(word -> word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT))
        .collect(Collectors.joining());
  }
}
