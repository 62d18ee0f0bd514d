package com.bellyfed.localaws.dynamodb.requests;

import static com.bellyfed.localaws.dynamodb.requests.Requests.assertAccepted;
import static com.bellyfed.localaws.dynamodb.requests.Requests.assertValidation;

import org.junit.jupiter.api.Test;

/**
 * UpdateTimeToLive (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTimeToLive.html)
 * and DescribeTimeToLive (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeTimeToLive.html).
 */
class TimeToLiveTests {

  @Test
  void requiresTheSpecification() {
    assertValidation("UpdateTimeToLive", "{'TableName': 'abc'}",
        "1 validation error detected: Value null at 'timeToLiveSpecification' failed to satisfy constraint: Member must not be"
            + " null");
  }

  @Test
  void requiresAttributeNameAndEnabled() {
    assertValidation("UpdateTimeToLive", "{'TableName': 'abc', 'TimeToLiveSpecification': {}}",
        "2 validation errors detected: Value null at 'timeToLiveSpecification.attributeName' failed to satisfy constraint:"
            + " Member must not be null; Value null at 'timeToLiveSpecification.enabled' failed to satisfy constraint: Member"
            + " must not be null");
  }

  @Test
  void refusesEmptyAndLongAttributeNames() {
    assertValidation("UpdateTimeToLive", "{'TableName': 'abc', 'TimeToLiveSpecification': {'AttributeName': '', 'Enabled': true}}",
        "1 validation error detected: Value '' at 'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member"
            + " must have length greater than or equal to 1");
    String name = Requests.chars('x', 256);
    assertValidation("UpdateTimeToLive", "{'TableName': 'abc', 'TimeToLiveSpecification': {'AttributeName': '" + name
            + "', 'Enabled': true}}",
        "1 validation error detected: Value '" + name + "' at 'timeToLiveSpecification.attributeName' failed to satisfy"
            + " constraint: Member must have length less than or equal to 255");
  }

  @Test
  void refusesEnabledThatIsNoBoolean() {
    Requests.assertSerialization("UpdateTimeToLive", "{'TableName': 'abc', 'TimeToLiveSpecification': {'AttributeName': 'a',"
        + " 'Enabled': 'dog'}}", "Unexpected token received from parser");
  }

  @Test
  void acceptsSpecification() {
    assertAccepted("UpdateTimeToLive", "{'TableName': 'abc', 'TimeToLiveSpecification': {'AttributeName': 'expires', 'Enabled': true}}");
    assertAccepted("DescribeTimeToLive", "{'TableName': 'abc'}");
  }
}
