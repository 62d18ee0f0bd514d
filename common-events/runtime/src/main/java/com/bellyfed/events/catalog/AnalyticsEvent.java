package com.bellyfed.events.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.Map;
import java.util.Set;

/**
 * The seed structure of analytics events: {@code eventType} ends in {@code _ANALYTICS}, with the
 * action, category, outcome, duration and free properties (service name, version, heap limit, ...).
 */
public record AnalyticsEvent(
    @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]*_ANALYTICS") String eventType,
    @NotBlank String action,
    @NotNull Category eventCategory,
    @NotNull Status status,
    @PositiveOrZero long duration,
    @NotNull Map<String, Object> properties) {

  static final Set<String> REQUIRED_FIELDS = Set.of("eventType", "action", "eventCategory", "status", "duration");

  /** What kind of activity an analytics event records. */
  public enum Category {
    USER_ACTION,
    SYSTEM_EVENT,
    AUTHENTICATION,
    QUERY
  }

  /** The outcome recorded. */
  public enum Status {
    SUCCESS,
    FAILURE
  }
}
