package com.bellyfed.localaws.dynamodb.expressions;

import static com.bellyfed.localaws.dynamodb.expressions.Requests.assertRejected;
import static com.bellyfed.localaws.dynamodb.expressions.Requests.assertValidation;
import static com.bellyfed.localaws.dynamodb.expressions.Requests.compile;
import static com.bellyfed.localaws.dynamodb.expressions.Requests.withText;
import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.localaws.dynamodb.expressions.RequestExpressions.Context;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which expression parameters each operation takes, ExpressionAttributeNames and Values, and the
 * limits on expressions
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ExpressionAttributeNames.html,
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ExpressionAttributeValues.html,
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-expression-parameters,
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.html).
 * Messages are those dynalite's suite and public conformance suites verified against AWS.
 */
class RequestParameterTests {

  @Test
  void refusesExpressionAndLegacyParametersTogether() {
    assertRejected(Context.UPDATE_ITEM, "{Key: {a: {}}, Expected: {a: {}}, AttributeUpdates: {}, ExpressionAttributeNames: {}, "
        + "ExpressionAttributeValues: {}, ConditionExpression: '', UpdateExpression: ''}",
        "Can not use both expression and non-expression parameters in the same request: "
            + "Non-expression parameters: {AttributeUpdates, Expected} Expression parameters: {UpdateExpression, ConditionExpression}");
    assertRejected(Context.PUT_ITEM, "{Expected: {a: {Exists: false}}, ConditionExpression: 'attribute_not_exists(a)'}",
        "Can not use both expression and non-expression parameters in the same request: "
            + "Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}");
    assertRejected(Context.SCAN, "{ScanFilter: {}, AttributesToGet: ['a', 'a'], ConditionalOperator: 'OR', FilterExpression: '', ProjectionExpression: ''}",
        "Can not use both expression and non-expression parameters in the same request: "
            + "Non-expression parameters: {AttributesToGet, ScanFilter, ConditionalOperator} Expression parameters: {ProjectionExpression, FilterExpression}");
    assertRejected(Context.GET_ITEM, "{AttributesToGet: ['a'], ProjectionExpression: 'a'}",
        "Can not use both expression and non-expression parameters in the same request: "
            + "Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}");
  }

  @Test
  void letsAQueryMixKeyConditionsWithOtherExpressionsOnlyWithoutAKeyConditionExpression() {
    assertRejected(Context.QUERY, "{QueryFilter: {}, AttributesToGet: ['a'], ConditionalOperator: 'OR', KeyConditions: {}, "
        + "ProjectionExpression: '', FilterExpression: '', KeyConditionExpression: ''}",
        "Can not use both expression and non-expression parameters in the same request: "
            + "Non-expression parameters: {AttributesToGet, QueryFilter, ConditionalOperator, KeyConditions} "
            + "Expression parameters: {ProjectionExpression, FilterExpression, KeyConditionExpression}");
    assertRejected(Context.QUERY, "{QueryFilter: {}, KeyConditions: {}, FilterExpression: ''}",
        "Can not use both expression and non-expression parameters in the same request: "
            + "Non-expression parameters: {QueryFilter} Expression parameters: {FilterExpression}");
    RequestExpressions request = compile(Context.QUERY, "{KeyConditions: {a: {ComparisonOperator: 'EQ', AttributeValueList: [{S: 'x'}]}}, "
        + "FilterExpression: 'b = :b', ExpressionAttributeValues: {':b': {S: 'y'}}}");
    assertThat(request.filter()).isNotNull();
  }

  @Test
  void refusesNamesWithoutAnExpression() {
    assertRejected(Context.UPDATE_ITEM, "{Expected: {a: {}}, ExpressionAttributeNames: {}, ExpressionAttributeValues: {}}",
        "ExpressionAttributeNames can only be specified when using expressions");
    assertRejected(Context.QUERY, "{QueryFilter: {}, ExpressionAttributeNames: {}}", "ExpressionAttributeNames can only be specified when using expressions");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "UPDATE_ITEM | UpdateExpression and ConditionExpression are null",
      "PUT_ITEM | ConditionExpression is null",
      "DELETE_ITEM | ConditionExpression is null",
      "QUERY | FilterExpression and KeyConditionExpression are null",
      "SCAN | FilterExpression is null",
      "TRANSACT_CONDITION_CHECK | ConditionExpression is null"})
  void refusesValuesWithoutAnExpressionThatCouldUseThem(Context context, String missing) {
    assertRejected(context, "{ExpressionAttributeValues: {}}", "ExpressionAttributeValues can only be specified when using expressions: " + missing);
  }

  @Test
  void refusesValuesWithOnlyAProjection() {
    assertRejected(Context.SCAN, "{ProjectionExpression: 'a', ExpressionAttributeValues: {':a': {S: 'a'}}}",
        "ExpressionAttributeValues can only be specified when using expressions: FilterExpression is null");
  }

  @Test
  void ignoresValuesWhereTheOperationHasNone() {
    RequestExpressions request = compile(Context.GET_ITEM, "{ProjectionExpression: 'a', ExpressionAttributeValues: {':a': {S: 'a'}}}");
    assertThat(request.projection()).isNotNull();
  }

  @Test
  void ignoresParametersTheOperationDoesNotHave() {
    RequestExpressions request = compile(Context.PUT_ITEM, "{ConditionExpression: 'attribute_not_exists(a)', UpdateExpression: 'SET a = b', "
        + "FilterExpression: 'c = d', ProjectionExpression: 'e', AttributesToGet: ['f']}");
    assertThat(request.update()).isNull();
    assertThat(request.filter()).isNull();
    assertThat(request.projection()).isNull();
    assertThat(request.condition()).isNotNull();
  }

  @Test
  void compilesOnlyTheExpressionFormsInTransactionActions() {
    RequestExpressions update = compile(Context.TRANSACT_UPDATE, "{UpdateExpression: 'SET a = :v', ConditionExpression: 'attribute_exists(pk)', "
        + "AttributeUpdates: {b: {Value: {S: 'x'}}}, Expected: {c: {Exists: false}}, ExpressionAttributeValues: {':v': {N: '1'}}}");
    assertThat(update.update()).isInstanceOf(CompiledUpdate.class);
    assertThat(update.condition()).isInstanceOf(CompiledCondition.class);
    assertThat(compile(Context.TRANSACT_GET, "{ProjectionExpression: 'a', AttributesToGet: ['b', 'b']}").projection()).isNotNull();
  }

  @Test
  void refusesEmptyPlaceholderMaps() {
    assertRejected(Context.UPDATE_ITEM, "{ExpressionAttributeNames: {}, ExpressionAttributeValues: {}, ConditionExpression: '', UpdateExpression: ''}",
        "ExpressionAttributeNames must not be empty");
    assertRejected(Context.UPDATE_ITEM, "{ExpressionAttributeValues: {}, ConditionExpression: '', UpdateExpression: ''}",
        "ExpressionAttributeValues must not be empty");
  }

  @Test
  void refusesPlaceholderKeysWithoutTheirSigil() {
    assertRejected(Context.QUERY, "{KeyConditionExpression: '', ExpressionAttributeNames: {'a': 'a'}, ExpressionAttributeValues: {}}",
        "ExpressionAttributeNames contains invalid key: Syntax error; key: \"a\"");
    assertRejected(Context.UPDATE_ITEM, "{ExpressionAttributeValues: {':b': {a: ''}, 'b': {S: 'a'}}, ConditionExpression: '', UpdateExpression: ''}",
        "ExpressionAttributeValues contains invalid key: Syntax error; key: \"b\"");
    assertRejected(Context.SCAN, "{FilterExpression: 'a = :v', ExpressionAttributeNames: {'#a-b': 'a'}}",
        "ExpressionAttributeNames contains invalid key: Syntax error; key: \"#a-b\"");
  }

  @Test
  void refusesAnEmptyAttributeName() {
    assertRejected(Context.SCAN, "{FilterExpression: '#DE = :v', ExpressionAttributeNames: {'#DE': ''}, ExpressionAttributeValues: {':v': {S: 'x'}}}",
        "ExpressionAttributeNames contains invalid value: Empty attribute name for key #DE");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{} | Supplied AttributeValue is empty, must contain exactly one of the supported datatypes",
      "{M: {a: {}}} | Supplied AttributeValue is empty, must contain exactly one of the supported datatypes",
      "{NULL: false} | One or more parameter values were invalid: Null attribute value types must have the value of true",
      "{SS: []} | One or more parameter values were invalid: An string set  may not be empty",
      "{SS: ['a', 'a']} | One or more parameter values were invalid: Input collection [a, a] contains duplicates.",
      "{NS: ['1', 'b']} | The parameter cannot be converted to a numeric value: b",
      "{NS: ['1', '1']} | Input collection contains duplicates",
      "{S: 'a', N: '1'} | Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes"})
  void refusesInvalidValuesNamingTheirKey(String value, String message) {
    assertRejected(Context.UPDATE_ITEM, "{ExpressionAttributeValues: {':b': " + value + "}, ConditionExpression: '', UpdateExpression: ''}",
        "ExpressionAttributeValues contains invalid value: " + message + " for key :b");
  }

  @Test
  void refusesEmptyExpressionsInTheOrderAwsCompilesThem() {
    assertRejected(Context.UPDATE_ITEM, "{ConditionExpression: '', UpdateExpression: ''}", "Invalid UpdateExpression: The expression can not be empty;");
    assertRejected(Context.PUT_ITEM, "{ConditionExpression: '  '}", "Invalid ConditionExpression: The expression can not be empty;");
    assertRejected(Context.QUERY, "{KeyConditionExpression: '', FilterExpression: '', ProjectionExpression: '', ExpressionAttributeValues: {':0': {S: 'b'}}}",
        "Invalid KeyConditionExpression: The expression can not be empty;");
    assertRejected(Context.QUERY, "{KeyConditionExpression: 'attribute_type(a, :a)', FilterExpression: '', ProjectionExpression: '', "
        + "ExpressionAttributeValues: {':a': {S: 'N'}}}", "Invalid FilterExpression: The expression can not be empty;");
    assertRejected(Context.SCAN, "{FilterExpression: 'a > b', ProjectionExpression: ''}", "Invalid ProjectionExpression: The expression can not be empty;");
  }

  @Test
  void refusesPlaceholdersThatNoExpressionUses() {
    assertRejected(Context.UPDATE_ITEM, "{UpdateExpression: 'remove a set b = list_append(b, if_not_exists(a, :a))', ConditionExpression: 'a = :b', "
        + "ExpressionAttributeValues: {':a': {S: 'a'}, ':b': {S: 'a'}}, ExpressionAttributeNames: {'#a': 'a', '#b': 'b'}}",
        "Value provided in ExpressionAttributeNames unused in expressions: keys: {#a, #b}");
    assertRejected(Context.UPDATE_ITEM, "{UpdateExpression: 'remove a', ConditionExpression: 'a = :b', "
        + "ExpressionAttributeValues: {':a': {S: 'a'}, ':b': {S: 'a'}, ':c': {S: 'a'}}}",
        "Value provided in ExpressionAttributeValues unused in expressions: keys: {:a, :c}");
  }

  @Test
  void countsAPlaceholderUsedByAnyOfTheRequestsExpressions() {
    RequestExpressions request = compile(Context.QUERY, "{KeyConditionExpression: '#k = :k', FilterExpression: '#f = :k', ProjectionExpression: '#p', "
        + "ExpressionAttributeNames: {'#k': 'k', '#f': 'f', '#p': 'p'}, ExpressionAttributeValues: {':k': {S: 'x'}}}");
    assertThat(request.projection().topLevelNames()).containsExactly("p");
  }

  @Test
  void checksPlaceholderMapsBeforeTheExpressions() {
    assertRejected(Context.SCAN, "{FilterExpression: 'a = = b', ExpressionAttributeValues: {':a': {NULL: false}}}",
        "ExpressionAttributeValues contains invalid value: One or more parameter values were invalid: "
            + "Null attribute value types must have the value of true for key :a");
  }

  @ParameterizedTest
  @ValueSource(strings = {"UpdateExpression", "ConditionExpression"})
  void measuresExpressionsInUtf8Bytes(String parameter) {
    String path = "é".repeat(2049);
    String expression = parameter.equals("UpdateExpression") ? "REMOVE " + path : "attribute_exists(" + path + ")";
    assertValidation(() -> ExpressionCompiler.compile(Context.UPDATE_ITEM, withText(parameter, expression)))
        .hasMessageStartingWith("Invalid " + parameter + ": Expression size has exceeded the maximum allowed size;");
  }

  @Test
  void reportsTheSizeOnlyForConditionsAndFilters() {
    String path = "a" + "z".repeat(4096);
    assertValidation(() -> ExpressionCompiler.compile(Context.GET_ITEM, withText("ProjectionExpression", path)))
        .hasMessage("Invalid ProjectionExpression: Expression size has exceeded the maximum allowed size;");
    assertValidation(() -> ExpressionCompiler.compile(Context.SCAN, withText("FilterExpression", path + " = :v")))
        .hasMessage("Invalid FilterExpression: Expression size has exceeded the maximum allowed size; expression size: 4102");
    assertValidation(() -> ExpressionCompiler.compile(Context.PUT_ITEM, withText("ConditionExpression", "attribute_not_exists(" + path + ")")))
        .hasMessage("Invalid ConditionExpression: Expression size has exceeded the maximum allowed size; expression size: 4119");
    ExpressionCompiler.compile(Context.GET_ITEM, withText("ProjectionExpression", "a" + "z".repeat(4095)));
  }
}
