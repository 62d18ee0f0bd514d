package com.bellyfed.localaws.dynamodb.requests;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.core.JacksonException;
import org.jspecify.annotations.Nullable;

/**
 * Validates DynamoDB requests as AWS does, in AWS's stages, answering the first failure: (1) the
 * body's JSON types against the operation's shape (SerializationException); (2) the members'
 * constraints, up to ten at once (ValidationException); (3) the operation's own rules that need no
 * table. Expressions and the legacy condition, update and projection parameters are left to the
 * expression compiler, checks that need the table to the engine.
 */
public final class RequestValidator {

  /**
   * The reader's limits: an attribute name may be up to 64 KB (AttributesToGet's names are
   * constrained to 65535 characters), past Jackson's default of 50,000, so names are bounded only by
   * the 16 MiB request; nesting stays at 1,000 levels (DynamoDB stores 32) and number literals at
   * 1,000 digits, each past them a SerializationException as for any JSON the reader cannot take.
   */
  private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
      .maxNameLength(16 * 1024 * 1024)
      .maxNestingDepth(1000)
      .maxNumberLength(1000)
      .build();

  // Trailing tokens fail: AWS refuses a body with braces left over after the object. Decimals are
  // read as written, trailing zeros dropped as Jackson 2 did by default (1.50 is 1.5).
  private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(LIMITS).build())
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();

  private RequestValidator() {}

  public static boolean supports(String operation) {
    return Operations.named(operation) != null;
  }

  /**
   * Parses a request body: AWS's answer for a body that is not JSON or not a JSON object. AWS sends
   * that SerializationException without a message member, so its message here is empty.
   */
  public static JsonNode parse(byte[] body) {
    @Nullable JsonNode node;
    try {
      node = body.length == 0 ? null : JSON.readTree(body);
    } catch (JacksonException e) {
      throw DynamoDbException.serialization("");
    }
    if (node == null || !node.isObject()) {
      throw DynamoDbException.serialization("");
    }
    if (Surrogates.mayHaveEscapedOnes(body) && Surrogates.anyUnpaired(node)) {
      throw DynamoDbException.serialization("");
    }
    return node;
  }

  /** Stages 1-3 for this operation; throws DynamoDbException with AWS's type and message. */
  public static void validate(String operation, JsonNode body) {
    Operation spec = Operations.named(operation);
    if (spec == null) {
      throw new IllegalArgumentException("Not an operation the engine serves: " + operation);
    }
    JsonTypes.check(spec.input(), body);
    spec.first().check(body);
    Constraints.check(spec.input(), body);
    spec.rules().check(body);
  }
}
