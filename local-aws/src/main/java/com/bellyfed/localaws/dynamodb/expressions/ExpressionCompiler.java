package com.bellyfed.localaws.dynamodb.expressions;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import com.bellyfed.localaws.dynamodb.model.Sizes;
import tools.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Compiles the expression parameters of one request, modern and legacy, with AWS's checks in AWS's
 * order: expression and non-expression parameters mixed, then the legacy parameters, then
 * ExpressionAttributeNames and Values, then each expression (UpdateExpression, ConditionExpression,
 * KeyConditionExpression, FilterExpression, ProjectionExpression), then placeholders left unused,
 * then the key conditions' form
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.html,
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.html).
 */
public final class ExpressionCompiler {

  /** The longest expression, in UTF-8 bytes (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-expression-parameters). */
  static final int MAX_EXPRESSION_BYTES = 4096;

  private static final List<String> COMPILE_ORDER = List.of(
      ContextRules.UPDATE, ContextRules.CONDITION, ContextRules.KEY_CONDITION, ContextRules.FILTER, ContextRules.PROJECTION);

  private ExpressionCompiler() {}

  /** Compiles every expression parameter of {@code request} (the operation's JSON body, or one transaction action's object) for its context. */
  public static RequestExpressions compile(RequestExpressions.Context context, JsonNode request) {
    ContextRules rules = ContextRules.of(context);
    checkParameters(context, request);

    Update update = null;
    Condition condition = null;
    Condition filter = null;
    Projection projection = null;
    boolean any = "OR".equals(text(request.get("ConditionalOperator")));
    switch (context) {
      case UPDATE_ITEM, PUT_ITEM, DELETE_ITEM -> {
        if (rules.has("AttributeUpdates") && present(request, "AttributeUpdates")) {
          update = AttributeUpdates.read(request.get("AttributeUpdates"));
        }
        if (present(request, "Expected")) {
          List<LegacyCondition> expected = LegacyConditions.readExpected(request.get("Expected"));
          checkConditionalOperator(request, expected.size());
          condition = new LegacyFilter(expected, any);
        }
      }
      case QUERY -> {
        filter = legacyFilter(request, "QueryFilter", any);
        projection = attributesToGet(request);
        if (!present(request, "KeyConditions") && !present(request, ContextRules.KEY_CONDITION)) {
          throw DynamoDbException.validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
      }
      case SCAN -> {
        projection = attributesToGet(request);
        filter = legacyFilter(request, "ScanFilter", any);
      }
      case GET_ITEM, BATCH_GET_ITEM -> projection = attributesToGet(request);
      default -> {
        // Transaction actions have no legacy parameters.
      }
    }

    Placeholders placeholders = Placeholders.read(request.get("ExpressionAttributeNames"),
        rules.values() ? request.get("ExpressionAttributeValues") : null);
    Resolved.Node keyExpression = null;
    for (String parameter : COMPILE_ORDER) {
      if (!rules.expressions().contains(parameter) || !present(request, parameter)) {
        continue;
      }
      String text = checkText(parameter, request.get(parameter).stringValue(null));
      switch (parameter) {
        case ContextRules.UPDATE -> update = UpdateCompiler.compile(parameter, text, placeholders);
        case ContextRules.CONDITION -> condition = CompiledCondition.of(ConditionCompiler.compile(parameter, text, placeholders));
        case ContextRules.KEY_CONDITION -> keyExpression = ConditionCompiler.compile(parameter, text, placeholders);
        case ContextRules.FILTER -> filter = CompiledCondition.of(ConditionCompiler.compile(parameter, text, placeholders));
        default -> projection = PathProjection.compile(parameter, text, placeholders);
      }
    }
    placeholders.checkAllUsed();

    Map<String, LegacyCondition> keyConditions = null;
    if (context == RequestExpressions.Context.QUERY) {
      if (keyExpression != null) {
        // More conditions than a key has are counted against the schema, once the table is known.
        keyConditions = KeyConditions.fromExpression(keyExpression);
      } else {
        keyConditions = LegacyConditions.readConditions("KeyConditions", request.get("KeyConditions"));
        KeyConditions.checkCount(keyConditions);
      }
    }
    return new CompiledRequest(condition, filter, update, projection, keyConditions, keyExpression != null);
  }

  /**
   * The first checks AWS makes on a request's expression parameters, before any value in it: expression
   * and legacy parameters may not be mixed, and ExpressionAttributeNames and Values need an expression
   * that can use them. {@link #compile} makes them too; an engine that checks other parts of the
   * request first may call this earlier.
   */
  public static void checkParameters(RequestExpressions.Context context, JsonNode request) {
    ContextRules rules = ContextRules.of(context);
    List<String> expressions = new ArrayList<>();
    for (String parameter : rules.expressions()) {
      if (present(request, parameter)) {
        expressions.add(parameter);
      }
    }
    if (!expressions.isEmpty()) {
      List<String> legacy = new ArrayList<>();
      for (String parameter : rules.legacy()) {
        // KeyConditions may go with the other expressions as long as there is no KeyConditionExpression.
        boolean allowed = parameter.equals("KeyConditions") && !present(request, ContextRules.KEY_CONDITION);
        if (present(request, parameter) && !allowed) {
          legacy.add(parameter);
        }
      }
      if (!legacy.isEmpty()) {
        throw DynamoDbException.validation("Can not use both expression and non-expression parameters in the same request: "
            + "Non-expression parameters: {" + String.join(", ", legacy) + "} "
            + "Expression parameters: {" + String.join(", ", expressions) + "}");
      }
    }
    if (present(request, "ExpressionAttributeNames") && expressions.isEmpty()) {
      throw DynamoDbException.validation("ExpressionAttributeNames can only be specified when using expressions");
    }
    if (rules.values() && present(request, "ExpressionAttributeValues")) {
      List<String> valueExpressions = new ArrayList<>(rules.expressions());
      valueExpressions.remove(ContextRules.PROJECTION);
      boolean used = false;
      for (String parameter : valueExpressions) {
        used |= present(request, parameter);
      }
      if (!used) {
        throw DynamoDbException.validation("ExpressionAttributeValues can only be specified when using expressions: "
            + String.join(" and ", valueExpressions) + (valueExpressions.size() > 1 ? " are" : " is") + " null");
      }
    }
  }

  /**
   * The checks of a Query's or Scan's legacy filter and AttributesToGet, which AWS makes after
   * {@link #checkParameters} and before the values of ExclusiveStartKey (dynalite's
   * validations/query.js and scan.js, observed on AWS): QueryFilter then AttributesToGet for a Query,
   * AttributesToGet then ScanFilter for a Scan. {@link #compile} makes them too.
   */
  public static void checkLegacyReadParameters(RequestExpressions.Context context, JsonNode request) {
    if (context == RequestExpressions.Context.QUERY) {
      legacyFilter(request, "QueryFilter", false);
      attributesToGet(request);
    } else if (context == RequestExpressions.Context.SCAN) {
      attributesToGet(request);
      legacyFilter(request, "ScanFilter", false);
    }
  }

  private static @Nullable Condition legacyFilter(JsonNode request, String parameter, boolean any) {
    if (!present(request, parameter)) {
      return null;
    }
    List<LegacyCondition> conditions = List.copyOf(LegacyConditions.readConditions(parameter, request.get(parameter)).values());
    checkConditionalOperator(request, conditions.size());
    return new LegacyFilter(conditions, any);
  }

  /**
   * ConditionalOperator joins conditions, so one condition with it is refused, once the conditions'
   * values are read (paritysuite/dynamodb-conformance tests/tier3/validation-ordering/deepRequests.test.ts,
   * AWS 2026, where some regions report it before a value nested too deep and most after; DynamoDB
   * Local refuses it too).
   */
  private static void checkConditionalOperator(JsonNode request, int conditions) {
    if (conditions == 1 && present(request, "ConditionalOperator")) {
      throw DynamoDbException.validation("ConditionalOperator can only be used when Filter or Expected has two or more elements");
    }
  }

  /**
   * An expression may not be empty nor longer than 4 KB. AWS adds the size to the message for
   * condition and filter expressions only (as captured from AWS by ExtendDB's dual-target tests).
   */
  private static String checkText(String parameter, String text) {
    if (text.isBlank()) {
      throw Invalid.expression(parameter, "The expression can not be empty;");
    }
    int bytes = Sizes.utf8Length(text);
    if (bytes > MAX_EXPRESSION_BYTES) {
      boolean withSize = parameter.equals(ContextRules.CONDITION) || parameter.equals(ContextRules.FILTER);
      throw Invalid.expression(parameter,
          "Expression size has exceeded the maximum allowed size;" + (withSize ? " expression size: " + bytes : ""));
    }
    return text;
  }

  private static @Nullable Projection attributesToGet(JsonNode request) {
    return present(request, "AttributesToGet") ? PathProjection.attributesToGet(request.get("AttributesToGet")) : null;
  }

  private static boolean present(JsonNode request, String parameter) {
    return Placeholders.present(request.get(parameter));
  }

  private static @Nullable String text(@Nullable JsonNode node) {
    return Placeholders.present(node) ? node.stringValue(null) : null;
  }
}
