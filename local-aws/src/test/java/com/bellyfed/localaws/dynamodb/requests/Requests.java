package com.bellyfed.localaws.dynamodb.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import tools.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/**
 * Requests written as JSON with single quotes (turned into double quotes), sent through the
 * validator, and AWS's answers asserted by full type and exact message.
 */
final class Requests {

  static final String VALIDATION = "com.amazon.coral.validate#ValidationException";
  static final String SERIALIZATION = "com.amazon.coral.service#SerializationException";

  private Requests() {}

  static JsonNode body(String singleQuotedJson) {
    return RequestValidator.parse(singleQuotedJson.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
  }

  static DynamoDbException rejection(String operation, String body) {
    JsonNode parsed = body(body);
    DynamoDbException error = catchThrowableOfType(DynamoDbException.class, () -> RequestValidator.validate(operation, parsed));
    assertThat(error).as("%s %s is rejected", operation, body).isNotNull();
    return error;
  }

  static void assertValidation(String operation, String body, String message) {
    DynamoDbException error = rejection(operation, body);
    assertThat(error.getMessage()).isEqualTo(message);
    assertThat(error.type()).isEqualTo(VALIDATION);
    assertThat(error.status()).isEqualTo(400);
  }

  static void assertSerialization(String operation, String body, String message) {
    DynamoDbException error = rejection(operation, body);
    assertThat(error.getMessage()).isEqualTo(message);
    assertThat(error.type()).isEqualTo(SERIALIZATION);
    assertThat(error.capitalisedMessage()).isTrue();
  }

  static void assertAccepted(String operation, String body) {
    JsonNode parsed = body(body);
    assertThatCode(() -> RequestValidator.validate(operation, parsed)).doesNotThrowAnyException();
  }

  /** {@code count} copies of {@code text} joined by commas, for long lists. */
  static String repeat(String text, int count) {
    StringBuilder joined = new StringBuilder();
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        joined.append(',');
      }
      joined.append(text.replace("#", String.valueOf(i)));
    }
    return joined.toString();
  }

  static String chars(char c, int count) {
    return String.valueOf(c).repeat(count);
  }
}
