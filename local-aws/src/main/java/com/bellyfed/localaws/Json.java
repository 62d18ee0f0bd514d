package com.bellyfed.localaws;

import tools.jackson.databind.json.JsonMapper;

/**
 * The one plain Jackson mapper of the emulators' JSON protocols (SQS's, EventBridge's, the admin
 * and health endpoints, the DynamoDB journal and response writer): immutable once built, so the
 * handlers share it. The DynamoDB request reader keeps its own, with its limits (RequestValidator).
 */
public final class Json {

  // Jackson 2's defaults, against which these protocols were written and tested: among them, a
  // body's first JSON value is read and anything after it ignored (Jackson 3 refuses it).
  public static final JsonMapper MAPPER = JsonMapper.builderWithJackson2Defaults().build();

  private Json() {}
}
