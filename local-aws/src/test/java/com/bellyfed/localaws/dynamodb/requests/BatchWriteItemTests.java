package com.bellyfed.localaws.dynamodb.requests;

import static com.bellyfed.localaws.dynamodb.requests.Requests.assertAccepted;
import static com.bellyfed.localaws.dynamodb.requests.Requests.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * BatchWriteItem (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html);
 * messages as dynalite's test/batchWriteItem.js and the dynamodb-conformance suites record them from AWS.
 */
class BatchWriteItemTests {

  private static final String MAP_KEYS = "Map keys must satisfy constraint: [Member must have length less than or equal to 255,"
      + " Member must have length greater than or equal to 3, Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+]";
  private static final String MAP_VALUE = "Map value must satisfy constraint: [Member must have length less than or equal to 25,"
      + " Member must have length greater than or equal to 1]";

  @Test
  void requiresRequestItems() {
    assertValidation("BatchWriteItem", "{}",
        "1 validation error detected: Value null at 'requestItems' failed to satisfy constraint: Member must not be null");
  }

  @Test
  void refusesEmptyRequestItemsWithItsOwnSentence() {
    assertValidation("BatchWriteItem", "{'RequestItems': {}}", "The requestItems parameter is required for BatchWriteItem");
  }

  @Test
  void refusesEmptyListOfRequestsForATable() {
    assertValidation("BatchWriteItem", "{'RequestItems': {'abc': []}}",
        "1 validation error detected: Value '{abc=[]}' at 'requestItems' failed to satisfy constraint: " + MAP_VALUE);
  }

  @Test
  void reportsBadTableNameAndEmptyRequestsTogether() {
    assertValidation("BatchWriteItem", "{'RequestItems': {'a': []}}",
        "2 validation errors detected: Value '{a=[]}' at 'requestItems' failed to satisfy constraint: " + MAP_KEYS
            + "; Value '{a=[]}' at 'requestItems' failed to satisfy constraint: " + MAP_VALUE);
  }

  @Test
  void quotesRequestsAsJavaPrintsThem() {
    assertValidation("BatchWriteItem", "{'RequestItems': {'bad!name': [{'PutRequest': {'Item': {'pk': {'S': 'x'}}}}]}}",
        "1 validation error detected: Value '{bad!name=[WriteRequest(putRequest=PutRequest(item={pk=AttributeValue(S=x)}),"
            + " deleteRequest=null)]}' at 'requestItems' failed to satisfy constraint: " + MAP_KEYS);
  }

  @Test
  void reportsMissingItemAndKeyOfRequests() {
    assertValidation("BatchWriteItem", "{'RequestItems': {'abc': [{'PutRequest': {}, 'DeleteRequest': {}}]}}",
        "2 validation errors detected: Value null at 'requestItems.abc.member.1.member.putRequest.item' failed to satisfy"
            + " constraint: Member must not be null; Value null at 'requestItems.abc.member.1.member.deleteRequest.key' failed to"
            + " satisfy constraint: Member must not be null");
  }

  @Test
  void refusesMoreThanTwentyFiveRequestsForATable() {
    String message = Requests.rejection("BatchWriteItem",
        "{'RequestItems': {'abc': [" + Requests.repeat("{'DeleteRequest': {'Key': {'a': {'S': '#'}}}}", 26) + "]}}").getMessage();
    assertThat(message).startsWith("1 validation error detected: Value '{abc=[WriteRequest(putRequest=null,"
        + " deleteRequest=DeleteRequest(key={a=AttributeValue(S=0)})), ").endsWith("' at 'requestItems' failed to satisfy constraint: "
        + MAP_VALUE);
  }

  @Test
  void refusesMoreThanTwentyFiveRequestsAcrossTables() {
    assertValidation("BatchWriteItem", "{'RequestItems': {'abc': [" + Requests.repeat("{'PutRequest': {'Item': {'a': {'S': '#'}}}}", 13)
        + "], 'abd': [" + Requests.repeat("{'PutRequest': {'Item': {'a': {'S': '#'}}}}", 13) + "]}}",
        "Too many items requested for the BatchWriteItem call");
  }

  @Test
  void refusesRequestThatIsNeitherPutNorDelete() {
    assertValidation("BatchWriteItem", "{'RequestItems': {'abc': [{'PutRequest': {'Item': {'a': {}}}}, {}]}}",
        "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
  }

  @Test
  void checksItemsAsPutItemDoes() {
    assertValidation("BatchWriteItem", "{'RequestItems': {'abc': [{'PutRequest': {'Item': {'a': {'NS': ['1', '1']}}}}]}}",
        "Input collection contains duplicates");
    assertValidation("BatchWriteItem", "{'RequestItems': {'abc': [{'PutRequest': {'Item': {'a': {'S': 'x'}, 'b': {'S': '"
        + Requests.chars('a', 409_598) + "'}}}}]}}", "Item size has exceeded the maximum allowed size");
  }

  @Test
  void checksKeysOfDeletes() {
    assertValidation("BatchWriteItem", "{'RequestItems': {'abc': [{'DeleteRequest': {'Key': {'a': {'N': ''}}}}]}}",
        "The parameter cannot be converted to a numeric value");
  }

  @Test
  void acceptsPutsAndDeletesOfSeveralTables() {
    assertAccepted("BatchWriteItem", "{'RequestItems': {'abc': [{'PutRequest': {'Item': {'a': {'S': 'x'}}}},"
        + " {'DeleteRequest': {'Key': {'a': {'S': 'x'}}}}], 'abd': [{'DeleteRequest': {'Key': {'a': {'S': 'y'}}}}]},"
        + " 'ReturnItemCollectionMetrics': 'SIZE'}");
  }
}
