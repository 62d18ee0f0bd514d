package com.bellyfed.localaws;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one plain Jackson 2 mapper of the emulators' JSON protocols (SQS's, EventBridge's, the admin
 * and health endpoints): a mapper is thread-safe once configured, so the handlers share it. The
 * DynamoDB engine keeps its own two (request limits, journal records), configured for their jobs.
 */
public final class Json {

  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}
}
