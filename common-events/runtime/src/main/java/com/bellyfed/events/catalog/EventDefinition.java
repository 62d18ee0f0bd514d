package com.bellyfed.events.catalog;

import java.util.Set;

/**
 * One event type of the catalog.
 *
 * @param eventType the type name
 * @param version the current schema version of its data
 * @param busDomain the domain of the bus it goes to ({@code user}, {@code restaurant}, {@code
 *     system}, {@code error}, {@code analytics}); the topology names the bus
 * @param source the EventBridge Source
 * @param detailType the EventBridge DetailType
 * @param requiredFields data fields every event of this type must carry (its schema)
 */
public record EventDefinition(
    String eventType, int version, String busDomain, String source, String detailType, Set<String> requiredFields) {

  public EventDefinition {
    requiredFields = Set.copyOf(requiredFields);
  }
}
