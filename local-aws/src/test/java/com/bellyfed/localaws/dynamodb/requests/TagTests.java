package com.bellyfed.localaws.dynamodb.requests;

import static com.bellyfed.localaws.dynamodb.requests.Requests.assertAccepted;
import static com.bellyfed.localaws.dynamodb.requests.Requests.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * TagResource, UntagResource and ListTagsOfResource
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TagResource.html,
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UntagResource.html,
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListTagsOfResource.html);
 * messages as dynalite's test/tagResource.js and its siblings record them from AWS.
 */
class TagTests {

  private static final String TABLE_ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/abc";

  @ParameterizedTest
  @CsvSource({"TagResource", "UntagResource", "ListTagsOfResource"})
  void refusesMissingResourceArnBeforeAnythingElse(String operation) {
    assertValidation(operation, "{'Tags': [], 'TagKeys': []}", "Invalid TableArn");
  }

  // Observed 2026 (ack-api-quirks dynamodb DDB-TABLE-071, -442; ScyllaDB test_tag.py): what does not start
  // with "arn:" is a ValidationException, no longer dynalite's AccessDeniedException; checked before the
  // member constraints, as that AccessDeniedException was.
  @ParameterizedTest
  @CsvSource({"TagResource, ''", "UntagResource, abcd", "ListTagsOfResource, a:b:c:d:e:f/g"})
  void refusesWhatDoesNotStartWithArn(String operation, String arn) {
    assertValidation(operation, "{'ResourceArn': '" + arn + "'}",
        "One or more parameter values were invalid: ARNs must start with 'arn:': " + arn);
  }

  // Another service's resource: refused by authorization (ExtendDB pull request 227, verified against DynamoDB).
  @ParameterizedTest
  @CsvSource({"TagResource, arn:aws:s3:us-east-1:000000000000:table/abc", "ListTagsOfResource, arn:a"})
  void refusesAnotherServicesArnAsNotAuthorized(String operation, String arn) {
    DynamoDbException error = Requests.rejection(operation, "{'ResourceArn': '" + arn + "'}");
    assertThat(error.type()).isEqualTo("com.amazon.coral.service#AccessDeniedException");
    assertThat(error.capitalisedMessage()).isTrue();
    assertThat(error.getMessage()).isEqualTo("User: arn:aws:iam::000000000000:root is not authorized to perform: dynamodb:"
        + operation + " on resource: " + arn);
  }

  @Test
  void requiresTagsAfterTheArn() {
    assertValidation("TagResource", "{'ResourceArn': '" + TABLE_ARN + "'}",
        "1 validation error detected: Value null at 'tags' failed to satisfy constraint: Member must not be null");
    assertValidation("UntagResource", "{'ResourceArn': '" + TABLE_ARN + "'}",
        "1 validation error detected: Value null at 'tagKeys' failed to satisfy constraint: Member must not be null");
  }

  @Test
  void refusesArnOfNoTable() {
    String arn = "arn:aws:dynamodb:us-east-1:000000000000:table/ab";
    assertValidation("TagResource", "{'ResourceArn': '" + arn + "', 'Tags': []}",
        "Invalid TableArn: Invalid ResourceArn provided as input " + arn);
    assertValidation("ListTagsOfResource", "{'ResourceArn': '" + arn + "'}",
        "Invalid TableArn: Invalid ResourceArn provided as input " + arn);
  }

  // Observed 2026 (ScyllaDB test_tag.py; ack-api-quirks dynamodb DDB-TABLE-442).
  @Test
  void refusesAnIndexArn() {
    String arn = TABLE_ARN + "/index/gsi";
    assertValidation("TagResource", "{'ResourceArn': '" + arn + "', 'Tags': [{'Key': 'k', 'Value': 'v'}]}",
        "One or more parameter values were invalid: Invalid resource arn provided, only table or stream is accepted."
            + " Provided resource arn: " + arn);
  }

  @Test
  void refusesEmptyTagList() {
    assertValidation("TagResource", "{'ResourceArn': '" + TABLE_ARN + "', 'Tags': []}", "Atleast one Tag needs to be provided as Input.");
  }

  @Test
  void refusesEmptyTagKeyList() {
    assertValidation("UntagResource", "{'ResourceArn': '" + TABLE_ARN + "', 'TagKeys': []}",
        "Atleast one Tag Key needs to be provided as Input.");
  }

  // Observed 2026 (ack-api-quirks dynamodb DDB-TABLE-105, -106, -107, -108, -372): AWS checks tags itself,
  // not with the model's constraints.
  @Test
  void checksEachTag() {
    String key = Requests.chars('k', 129);
    assertValidation("TagResource", "{'ResourceArn': '" + TABLE_ARN + "', 'Tags': [{'Key': '" + key + "', 'Value': 'v'}]}",
        "The Tag Key provided is invalid, Key: " + key);
    assertValidation("TagResource", "{'ResourceArn': '" + TABLE_ARN + "', 'Tags': [{'Value': 'v'}]}",
        "The Tag Key provided is invalid, Key: null");
    assertValidation("TagResource", "{'ResourceArn': '" + TABLE_ARN + "', 'Tags': [{'Key': 'k'}]}",
        "The Tag Value provided is invalid, Value: null");
    assertValidation("TagResource", "{'ResourceArn': '" + TABLE_ARN + "', 'Tags': [{'Key': 'bad#char', 'Value': 'v'}]}",
        "The Tag Key provided is invalid, Key: bad#char");
    assertValidation("TagResource", "{'ResourceArn': '" + TABLE_ARN + "', 'Tags': [{'Key': 'AWS:foo', 'Value': 'v'}]}",
        "Tag Key cannot be prefixed with aws:, Key: AWS:foo");
    assertValidation("TagResource", "{'ResourceArn': '" + TABLE_ARN + "', 'Tags': [{'Key': 'dup', 'Value': 'a'},"
        + " {'Key': 'dup', 'Value': 'b'}]}", "Duplicate Tag Keys provided as input: Duplicate Tag Key found dup");
    assertAccepted("TagResource", "{'ResourceArn': '" + TABLE_ARN + "', 'Tags': [{'Key': ' sp ace', 'Value': 'a b+c-d=e.f_g:h/i@j'},"
        + " {'Key': '\u043a\u043b\u044e\u0447', 'Value': ''}, {'Key': 'myaws:foo', 'Value': 'x'}]}");
  }

  @Test
  void checksEachTagKey() {
    assertValidation("UntagResource", "{'ResourceArn': '" + TABLE_ARN + "', 'TagKeys': ['a', '']}",
        "The Tag Key provided is invalid, Key: ");
    assertValidation("UntagResource", "{'ResourceArn': '" + TABLE_ARN + "', 'TagKeys': ['aws:foo']}",
        "Tag Key cannot be prefixed with aws:, Key: aws:foo");
  }

  @Test
  void acceptsTaggingOfATable() {
    assertAccepted("TagResource", "{'ResourceArn': '" + TABLE_ARN + "', 'Tags': [{'Key': 'team', 'Value': ''}]}");
    assertAccepted("UntagResource", "{'ResourceArn': '" + TABLE_ARN + "', 'TagKeys': ['team']}");
    assertAccepted("ListTagsOfResource", "{'ResourceArn': '" + TABLE_ARN + "', 'NextToken': 'x'}");
  }
}
