package com.bellyfed.localaws.dynamodb.expressions;

import static com.bellyfed.localaws.dynamodb.expressions.Requests.assertRejected;
import static com.bellyfed.localaws.dynamodb.expressions.Requests.assertValidation;
import static com.bellyfed.localaws.dynamodb.expressions.Requests.withText;

import com.bellyfed.localaws.dynamodb.expressions.RequestExpressions.Context;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Syntax errors name the first token no reading of the expression accepts, and the text from the
 * token before it to the token after it. The grammars are AWS's
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html#Expressions.OperatorsAndFunctions.Syntax,
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.UpdateExpressions.html);
 * the exact messages below are ones AWS returned, as quoted in public bug reports and conformance suites.
 */
class SyntaxErrorTests {

  @Test
  void namesAnUnknownCharacterAndTheTokenAfterIt() {
    assertRejected(Context.GET_ITEM, "{ProjectionExpression: '!!'}",
        "Invalid ProjectionExpression: Syntax error; token: \"!\", near: \"!!\"");
  }

  @Test
  void namesAnUpdateThatDoesNotStartWithAClause() {
    assertRejected(Context.UPDATE_ITEM, "{UpdateExpression: 'INVALID SYNTAX HERE'}",
        "Invalid UpdateExpression: Syntax error; token: \"INVALID\", near: \"INVALID SYNTAX\"");
  }

  @Test
  void refusesAHyphenInABareAttributeName() {
    assertRejected(Context.PUT_ITEM, "{ConditionExpression: 'a-b'}",
        "Invalid ConditionExpression: Syntax error; token: \"-\", near: \"a-b\"");
    assertRejected(Context.SCAN, "{FilterExpression: 'a-b'}",
        "Invalid FilterExpression: Syntax error; token: \"-\", near: \"a-b\"");
    assertRejected(Context.QUERY, "{KeyConditionExpression: 'a-b'}",
        "Invalid KeyConditionExpression: Syntax error; token: \"-\", near: \"a-b\"");
  }

  @Test
  void refusesEmptyParentheses() {
    assertRejected(Context.QUERY, "{KeyConditionExpression: '()'}",
        "Invalid KeyConditionExpression: Syntax error; token: \")\", near: \"()\"");
    assertRejected(Context.PUT_ITEM, "{ConditionExpression: 'attribute_type()'}",
        "Invalid ConditionExpression: Syntax error; token: \")\", near: \"()\"");
  }

  @Test
  void refusesANameAsAListIndex() {
    assertRejected(Context.GET_ITEM, "{ProjectionExpression: 'l[a]'}",
        "Invalid ProjectionExpression: Syntax error; token: \"a\", near: \"[a]\"");
  }

  @Test
  void namesTheEndOfTheExpressionAsEof() {
    assertRejected(Context.GET_ITEM, "{ProjectionExpression: 'a,'}",
        "Invalid ProjectionExpression: Syntax error; token: \"<EOF>\", near: \",\"");
    assertRejected(Context.UPDATE_ITEM, "{UpdateExpression: 'SET'}",
        "Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \"SET\"");
    assertRejected(Context.UPDATE_ITEM, "{UpdateExpression: 'SET a = a +', ExpressionAttributeValues: {':v': {N: '1'}}}",
        "Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \"+\"");
    assertRejected(Context.QUERY,
        "{KeyConditionExpression: 'pk = :pk AND begins_with(sk, :type', ExpressionAttributeValues: {':pk': {S: 'a'}, ':type': {S: 'b'}}}",
        "Invalid KeyConditionExpression: Syntax error; token: \"<EOF>\", near: \":type\"");
  }

  @Test
  void keepsTrailingSpaceInTheTextNearTheEnd() {
    assertRejected(Context.UPDATE_ITEM, "{UpdateExpression: 'SET a = '}",
        "Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \"= \"");
  }

  @Test
  void refusesTwoPathsWithoutAComma() {
    assertRejected(Context.GET_ITEM, "{ProjectionExpression: 'a b'}",
        "Invalid ProjectionExpression: Syntax error; token: \"b\", near: \"a b\"");
  }

  @Test
  void refusesOperatorsOtherThanPlusAndMinus() {
    assertRejected(Context.UPDATE_ITEM, "{UpdateExpression: 'SET numx = numx / :v', ExpressionAttributeValues: {':v': {N: '2'}}}",
        "Invalid UpdateExpression: Syntax error; token: \"/\", near: \"numx / :v\"");
  }

  @Test
  void refusesAColonWithoutAPlaceholderName() {
    assertRejected(Context.UPDATE_ITEM, "{UpdateExpression: 'ADD hits : incr'}",
        "Invalid UpdateExpression: Syntax error; token: \":\", near: \"hits : incr\"");
  }

  @Test
  void refusesAnAttributeNameStartingWithAnUnderscore() {
    assertRejected(Context.QUERY,
        "{KeyConditionExpression: 'pk = :p AND __typename = :t', ExpressionAttributeValues: {':p': {S: 'a'}, ':t': {S: 'b'}}}",
        "Invalid KeyConditionExpression: Syntax error; token: \"_\", near: \"AND __\"");
  }

  @Test
  void refusesAPlaceholderGluedToAName() {
    assertRejected(Context.SCAN, "{FilterExpression: 'begins_with(pk, tenantAgent:abc123-x)'}",
        "Invalid FilterExpression: Syntax error; token: \":abc123\", near: \"tenantAgent:abc123-\"");
  }

  @Test
  void refusesNumberLiterals() {
    assertRejected(Context.UPDATE_ITEM, "{UpdateExpression: 'SET x = list_append(x, 0)'}",
        "Invalid UpdateExpression: Syntax error; token: \"0\", near: \", 0)\"");
  }

  @Test
  void treatsUpdateKeywordsAsKeywordsInConditionsToo() {
    assertRejected(Context.UPDATE_ITEM, "{ConditionExpression: 'ADD #v :i'}",
        "Invalid ConditionExpression: Syntax error; token: \"ADD\", near: \"ADD #v\"");
  }

  /** A deliberate limit of this engine, not AWS's: deeper nesting would exhaust a recursive parser's stack. */
  @Test
  void refusesParenthesesNestedDeeperThanTheParserGoes() {
    String nested = "(a = :v AND ".repeat(TokenCursor.MAX_NESTING + 1) + "a = :v" + ")".repeat(TokenCursor.MAX_NESTING + 1);
    assertValidation(() -> ExpressionCompiler.compile(Context.SCAN, withText("FilterExpression", nested)))
        .hasMessageStartingWith("Invalid FilterExpression: Syntax error; token: \"(\", near: \"AND (a\"");
    String deepest = "(a = :v AND ".repeat(TokenCursor.MAX_NESTING) + "a = :v" + ")".repeat(TokenCursor.MAX_NESTING);
    assertValidation(() -> ExpressionCompiler.compile(Context.SCAN, withText("FilterExpression", deepest)))
        .hasMessageContaining("attribute value: :v");
  }

  /** Expressions dynalite's suite checked against AWS as syntax errors (https://github.com/mhart/dynalite). */
  @ParameterizedTest
  @ValueSource(strings = {
      "things are not gonna be ok", "a > 4", "attribute_exists(Pictures-RearView)", "attribute_exists(\"Pictures.RearView\")",
      "attribute_exists(Pictures..RearView)", "attribute_exists(Pi#ctures.RearView)", "attribute_exists(asdf[a])",
      "a in b, c", "a > between", "a in b", "a in (b,c,)", "(a)between(b.(c.d))and(c)", "(a)between(b.c.d)and((c)",
      "#$.b > a", "a > :things.stuff", "b[:a] > a", "b[#_] > a", "ü > a", "(a)between(b.c[4.5].#d)and(:a)",
      "size(a).b > a", "(size(a)).b > a", "size(a)[0] > a", "(size(a))[0] > a", "MyList[-1] = :v", "a = = :v"})
  void refusesMalformedConditions(String expression) {
    assertValidation(() -> ExpressionCompiler.compile(Context.SCAN, withText("FilterExpression", expression)))
        .hasMessageStartingWith("Invalid FilterExpression: Syntax error; ");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "whatever", "set a", "add a", "delete a", "set a=set", "remove a = b", "add a = b", "delete a = b", "delete a b",
      "delete a if_not_exist(b)", "add abort b", "add a if_not_exist(b)", "remove a b", "set a b", "set :a = b", "add :a b",
      "delete :a b", "remove :a", "set a = b / c", "set a = b * c", "set a[1] = \"eight\"", "set a[1] = 1",
      "SET a = if_not_exist(a, 100)", "SET if_not_exist(a, b) = a", "set (a = (b + c))", "set a = (b.c).d + e",
      "set a = (b.c)[0] + e", "set a = b + c + d", "set a = (((b)))"})
  void refusesMalformedUpdates(String expression) {
    assertValidation(() -> ExpressionCompiler.compile(Context.UPDATE_ITEM, withText("UpdateExpression", expression)))
        .hasMessageStartingWith("Invalid UpdateExpression: Syntax error; ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"whatever(stuff)", ":a", "abort,", "a,,b", "a..b", "a[b]", "(a.b).c", "(a)", "(a),(b)", "(a,b)", "a-b"})
  void refusesMalformedProjections(String expression) {
    assertValidation(() -> ExpressionCompiler.compile(Context.GET_ITEM, withText("ProjectionExpression", expression)))
        .hasMessageStartingWith("Invalid ProjectionExpression: Syntax error; ");
  }
}
