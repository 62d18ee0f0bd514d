package com.bellyfed.localaws.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * How the item-level conformance tests expect AWS's errors. The SDK has no class for
 * ValidationException (DynamoDB's model does not declare it), so it raises the base
 * {@link DynamoDbException} carrying the error code; the message is compared as AWS sent it, without
 * the SDK's {@code (Service: ..., Request ID: ...)} suffix.
 */
final class ItemAssertions {

  private ItemAssertions() {}

  /** The message AWS sent, as the SDK received it. */
  static String awsMessage(Throwable thrown) {
    return ((AwsServiceException) thrown).awsErrorDetails().errorMessage();
  }

  static void assertValidation(ThrowingCallable call, String message) {
    assertThatThrownBy(call)
        .isExactlyInstanceOf(DynamoDbException.class)
        .satisfies(thrown -> {
          assertThat(((AwsServiceException) thrown).awsErrorDetails().errorCode()).isEqualTo("ValidationException");
          assertThat(awsMessage(thrown)).isEqualTo(message);
        });
  }

  /** For messages that quote a part AWS does not specify exactly (e.g. an unordered set). */
  static void assertValidationStartsWith(ThrowingCallable call, String prefix) {
    assertThatThrownBy(call)
        .isExactlyInstanceOf(DynamoDbException.class)
        .satisfies(thrown -> {
          assertThat(((AwsServiceException) thrown).awsErrorDetails().errorCode()).isEqualTo("ValidationException");
          assertThat(awsMessage(thrown)).startsWith(prefix);
        });
  }

  static void assertConditionFails(ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOf(ConditionalCheckFailedException.class)
        .satisfies(thrown -> assertThat(awsMessage(thrown)).isEqualTo("The conditional request failed"));
  }

  static void assertTableNotFound(ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOf(ResourceNotFoundException.class)
        .satisfies(thrown -> assertThat(awsMessage(thrown)).isEqualTo("Requested resource not found"));
  }
}
