package com.bellyfed.kit.resilience;

import io.github.resilience4j.retry.Retry;
import java.util.function.IntFunction;

/**
 * Runs an operation through a Resilience4j {@link Retry}, for the loops that retry part of a batch
 * (unprocessed items, refused entries, lost compare-and-sets): the attempt keeps what is left to do
 * and asks for another round with {@link TryAgain}. The retry's context waits between attempts and
 * counts them, so the declared retry's metrics ({@code resilience4j_retry_calls}) and events see every
 * call, which {@code Retry.executeSupplier} would too but without letting an attempt say what to retry.
 */
public final class Attempts {

  private Attempts() {}

  /**
   * Runs {@code attempt} (given its number, from 1) until it returns, throws anything but {@link TryAgain},
   * or asks for more attempts than {@code retry} allows; then throws the last {@link TryAgain#failure()}.
   */
  public static <T> T call(Retry retry, IntFunction<T> attempt) {
    Retry.Context<T> context = retry.context();
    for (int number = 1; ; number++) {
      T result;
      try {
        result = attempt.apply(number);
      } catch (TryAgain again) {
        try {
          // Waits the declared interval, or rethrows once the attempts are spent.
          context.onRuntimeError(again);
        } catch (TryAgain last) {
          throw last.failure();
        }
        continue;
      } catch (RuntimeException failure) {
        // Counted as failed without retry, unless the configuration would retry it (then it is not
        // offered: only the attempt decides what is retried).
        if (!retry.getRetryConfig().getExceptionPredicate().test(failure)) {
          context.onRuntimeError(failure);
        }
        throw failure;
      }
      context.onComplete();
      return result;
    }
  }

  /** {@link #call(Retry, IntFunction)} for an operation without a result. */
  public static void run(Retry retry, AttemptAction attempt) {
    call(retry, number -> {
      attempt.run(number);
      return null;
    });
  }

  /** An attempt without a result, given its number from 1. */
  @FunctionalInterface
  public interface AttemptAction {
    void run(int number);
  }
}
