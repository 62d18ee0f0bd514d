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

  @ParameterizedTest
  @CsvSource({"TagResource, '', *", "UntagResource, abcd, abcd", "ListTagsOfResource, a:b:c:d:e/f, a:b:c:d:e/f"})
  void refusesWhatIsNotAnArnAsNotAuthorized(String operation, String arn, String resource) {
    DynamoDbException error = Requests.rejection(operation, "{'ResourceArn': '" + arn + "'}");
    assertThat(error.type()).isEqualTo("com.amazon.coral.service#AccessDeniedException");
    assertThat(error.capitalisedMessage()).isTrue();
    assertThat(error.getMessage()).isEqualTo("User: arn:aws:iam::000000000000:root is not authorized to perform: dynamodb:"
        + operation + " on resource: " + resource);
  }

  @Test
  void requiresTagsAfterTheArnLooksLikeOne() {
    assertValidation("TagResource", "{'ResourceArn': 'a:b:c:d:e:f/g'}",
        "1 validation error detected: Value null at 'tags' failed to satisfy constraint: Member must not be null");
    assertValidation("UntagResource", "{'ResourceArn': 'a:b:c:d:e:f/g'}",
        "1 validation error detected: Value null at 'tagKeys' failed to satisfy constraint: Member must not be null");
  }

  @ParameterizedTest
  @CsvSource({"a:b:c:d:e:f/g", "arn:aws:dynamodb:us-east-1:000000000000:table/ab", "arn:aws:s3:us-east-1:000000000000:table/abc"})
  void refusesArnOfNoTable(String arn) {
    assertValidation("TagResource", "{'ResourceArn': '" + arn + "', 'Tags': []}",
        "Invalid TableArn: Invalid ResourceArn provided as input " + arn);
    assertValidation("ListTagsOfResource", "{'ResourceArn': '" + arn + "'}",
        "Invalid TableArn: Invalid ResourceArn provided as input " + arn);
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

  @Test
  void reportsTagConstraints() {
    String key = Requests.chars('k', 129);
    assertValidation("TagResource", "{'ResourceArn': '" + TABLE_ARN + "', 'Tags': [{'Key': '" + key + "'}, {'Key': '', 'Value': 'v'}]}",
        "3 validation errors detected: Value null at 'tags.1.member.value' failed to satisfy constraint: Member must not be"
            + " null; Value '" + key + "' at 'tags.1.member.key' failed to satisfy constraint: Member must have length less than"
            + " or equal to 128; Value '' at 'tags.2.member.key' failed to satisfy constraint: Member must have length greater"
            + " than or equal to 1");
  }

  @Test
  void reportsTagKeyConstraints() {
    assertValidation("UntagResource", "{'ResourceArn': '" + TABLE_ARN + "', 'TagKeys': ['a', '']}",
        "1 validation error detected: Value '' at 'tagKeys.2.member' failed to satisfy constraint: Member must have length"
            + " greater than or equal to 1");
  }

  @Test
  void acceptsTaggingOfATable() {
    assertAccepted("TagResource", "{'ResourceArn': '" + TABLE_ARN + "', 'Tags': [{'Key': 'team', 'Value': ''}]}");
    assertAccepted("UntagResource", "{'ResourceArn': '" + TABLE_ARN + "', 'TagKeys': ['team']}");
    assertAccepted("ListTagsOfResource", "{'ResourceArn': '" + TABLE_ARN + "', 'NextToken': 'x'}");
  }
}
