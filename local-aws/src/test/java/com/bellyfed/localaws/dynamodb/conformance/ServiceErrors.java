package com.bellyfed.localaws.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Assertions on the errors DynamoDB answers with: the SDK's exception class, the error code and AWS's
 * own message (without the SDK's "(Service: DynamoDb, Status Code: 400, Request ID: ...)" suffix). The
 * SDK has no class for ValidationException: it raises a plain {@link DynamoDbException} whose error code
 * says so.
 */
final class ServiceErrors {

  private ServiceErrors() {}

  /** Runs {@code call}, which must fail with {@code type} and error code {@code code}; returns the error. */
  static DynamoDbException rejection(ThrowingCallable call, Class<? extends DynamoDbException> type, String code) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).as("error of the call").isInstanceOf(type);
    DynamoDbException error = (DynamoDbException) thrown;
    assertThat(error.awsErrorDetails().errorCode()).as("error code").isEqualTo(code);
    return error;
  }

  /** AWS's message, as sent in the error's body. */
  static String message(DynamoDbException error) {
    return error.awsErrorDetails().errorMessage();
  }

  static DynamoDbException validation(ThrowingCallable call) {
    return rejection(call, DynamoDbException.class, "ValidationException");
  }

  static void assertValidation(ThrowingCallable call, String message) {
    assertThat(message(validation(call))).isEqualTo(message);
  }

  static void assertValidationStartingWith(ThrowingCallable call, String prefix) {
    assertThat(message(validation(call))).startsWith(prefix);
  }

  static void assertValidationMatching(ThrowingCallable call, String regex) {
    assertThat(message(validation(call))).matches(regex);
  }

  static void assertValidationContaining(ThrowingCallable call, String fragment) {
    assertThat(message(validation(call))).contains(fragment);
  }

  static void assertNotFound(ThrowingCallable call, String message) {
    assertThat(message(rejection(call, ResourceNotFoundException.class, "ResourceNotFoundException"))).isEqualTo(message);
  }

  static void assertInUse(ThrowingCallable call, String message) {
    assertThat(message(rejection(call, ResourceInUseException.class, "ResourceInUseException"))).isEqualTo(message);
  }

  static void assertLimitExceeded(ThrowingCallable call, String message) {
    assertThat(message(rejection(call, LimitExceededException.class, "LimitExceededException"))).isEqualTo(message);
  }
}
