package com.bellyfed.kit.outage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Tells a dependency's outage from a request it rightly refused. Every service asks this one
 * question in three places, and they must agree: a circuit breaker records only outages
 * ({@code recordException(Outages::isOutage)}), a listener retries an outage later but sends a
 * refused message on to its DLQ, and a REST answer is a 503 with {@code Retry-After} for an outage
 * but the client's or our own error otherwise.
 */
public final class Outages {

  private Outages() {}

  /**
   * True for an unreachable or unwell dependency anywhere in the cause chain: anything the SDK
   * failed with on the client side (I/O, timeouts), a 5xx or throttling answer, and the bare
   * cancellations and I/O errors a call timeout leaves behind when it interrupts a wait for a pooled
   * connection. A 4xx the service answered (validation, a failed condition) is not an outage.
   */
  public static boolean isOutage(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof AwsServiceException service) {
        return service.isThrottlingException() || service.statusCode() >= 500;
      }
      if (cause instanceof SdkClientException
          || cause instanceof CancellationException
          || cause instanceof TimeoutException
          || cause instanceof IOException
          || cause instanceof UncheckedIOException) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }
}
