package com.bellyfed.testing;

import tools.jackson.databind.JsonNode;

/**
 * An EventBridge event a tap caught, as its rule delivered it to SQS.
 *
 * @param body the SQS body: the whole EventBridge event as JSON
 * @param event that event, parsed
 */
public record TappedEvent(String body, JsonNode event) {

  public String detailType() {
    return event.path("detail-type").asString();
  }

  public String source() {
    return event.path("source").asString();
  }

  /** The detail: a Bellyfed envelope (eventId, eventType, correlationId, data...). */
  public JsonNode detail() {
    return event.path("detail");
  }

  public String eventId() {
    return detail().path("eventId").asString();
  }

  public String eventType() {
    return detail().path("eventType").asString();
  }

  public JsonNode data() {
    return detail().path("data");
  }
}
