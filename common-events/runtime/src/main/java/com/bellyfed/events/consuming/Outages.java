package com.bellyfed.events.consuming;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Tells a dependency's outage from a request it rightly refused, for the circuit breakers that
 * pause listeners ({@code CircuitBreakerConfig.recordException(Outages::isOutage)}): only an outage
 * should stop a listener, a refused request is a bug or a bad message and must reach the DLQ.
 */
public final class Outages {

  private Outages() {}

  /** An unreachable service (client-side failure), a 5xx or throttling, anywhere in the cause chain. */
  public static boolean isOutage(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SdkClientException) {
        return true;
      }
      if (cause instanceof AwsServiceException service) {
        return service.isThrottlingException() || service.statusCode() >= 500;
      }
    }
    return false;
  }
}
