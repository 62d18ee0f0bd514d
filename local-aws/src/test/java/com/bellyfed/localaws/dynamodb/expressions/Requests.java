package com.bellyfed.localaws.dynamodb.expressions;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import com.bellyfed.localaws.dynamodb.expressions.RequestExpressions.Context;
import com.bellyfed.localaws.dynamodb.model.Value;
import com.bellyfed.localaws.dynamodb.model.ValueJson;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import java.util.Map;
import java.util.Objects;
import org.assertj.core.api.AbstractThrowableAssert;

/** Requests and items written as relaxed JSON (single quotes, bare names), and assertions on AWS's errors. */
final class Requests {

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_PROPERTY_NAMES)
      .build();

  private Requests() {}

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  /** A request with one text parameter, for expressions whose quotes would not survive relaxed JSON. */
  static JsonNode withText(String parameter, String text) {
    return JSON.createObjectNode().put(parameter, text);
  }

  static Map<String, Value> item(String text) {
    return ValueJson.readMap(json(text));
  }

  static Value value(String text) {
    return ValueJson.read(json(text));
  }

  static RequestExpressions compile(Context context, String request) {
    return ExpressionCompiler.compile(context, json(request));
  }

  static Condition filter(String expression, String values) {
    return Objects.requireNonNull(compile(Context.SCAN,
        "{FilterExpression: \"" + expression + "\"" + (values.isEmpty() ? "" : ", ExpressionAttributeValues: " + values) + "}").filter());
  }

  static Condition condition(String request) {
    return Objects.requireNonNull(compile(Context.PUT_ITEM, request).condition());
  }

  static Update update(String request) {
    return Objects.requireNonNull(compile(Context.UPDATE_ITEM, request).update());
  }

  static Projection projection(String request) {
    return Objects.requireNonNull(compile(Context.GET_ITEM, request).projection());
  }

  /** The request is refused with a ValidationException carrying exactly {@code message}. */
  static void assertRejected(Context context, String request, String message) {
    assertValidation(() -> ExpressionCompiler.compile(context, json(request))).hasMessage(message);
  }

  static AbstractThrowableAssert<?, ? extends Throwable> assertValidation(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    return assertThatThrownBy(call)
        .isInstanceOf(DynamoDbException.class)
        .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((DynamoDbException) e).type())
            .isEqualTo("com.amazon.coral.validate#ValidationException"));
  }
}
