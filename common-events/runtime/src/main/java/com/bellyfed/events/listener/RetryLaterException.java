package com.bellyfed.events.listener;

/**
 * Thrown out of an {@code @SqsListener} method so that Spring Cloud AWS leaves the message
 * unacknowledged: it comes back when the backoff the consumer set runs out.
 */
public class RetryLaterException extends RuntimeException {

  public RetryLaterException(String message) {
    super(message, null, false, false);
  }
}
