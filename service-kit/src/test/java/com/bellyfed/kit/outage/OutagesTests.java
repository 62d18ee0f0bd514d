package com.bellyfed.kit.outage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The answers follow AWS's error retry guidance: 5xx and throttling errors are transient and worth
 * retrying, 4xx validation errors are not
 * (https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html).
 */
class OutagesTests {

  @Test
  void clientSideFailuresAreOutages() {
    assertThat(Outages.isOutage(SdkClientException.create("Unable to execute HTTP request", new ConnectException("refused")))).isTrue();
    assertThat(Outages.isOutage(ApiCallTimeoutException.create(200))).isTrue();
    assertThat(Outages.isOutage(new CancellationException("pool wait interrupted by the call timeout"))).isTrue();
  }

  @Test
  void serverErrorsAndThrottlingAreOutages() {
    assertThat(Outages.isOutage(DynamoDbException.builder().statusCode(500).message("InternalServerError").build())).isTrue();
    assertThat(Outages.isOutage(DynamoDbException.builder().statusCode(503).message("ServiceUnavailable").build())).isTrue();
    // The SDK knows throttling by the error code in the answer, as it parses it from the body.
    assertThat(Outages.isOutage(ProvisionedThroughputExceededException.builder()
        .statusCode(400)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").build())
        .build())).isTrue();
  }

  @Test
  void refusedRequestsAreNotOutages() {
    assertThat(Outages.isOutage(ConditionalCheckFailedException.builder().statusCode(400).message("The conditional request failed").build())).isFalse();
    assertThat(Outages.isOutage(ResourceNotFoundException.builder().statusCode(400).message("Requested resource not found").build())).isFalse();
    assertThat(Outages.isOutage(new IllegalStateException("a bug of ours"))).isFalse();
  }

  @Test
  void looksThroughWrappers() {
    assertThat(Outages.isOutage(new CompletionException(DynamoDbException.builder().statusCode(500).build()))).isTrue();
    assertThat(Outages.isOutage(new RuntimeException(ConditionalCheckFailedException.builder().statusCode(400).build()))).isFalse();
  }
}
