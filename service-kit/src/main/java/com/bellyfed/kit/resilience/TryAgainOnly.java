package com.bellyfed.kit.resilience;

import java.util.function.Predicate;

/**
 * The retry predicate of every declared retry ({@code resilience4j.retry.configs.default.retry-exception-predicate}):
 * the code that runs an attempt decides what is worth another one and says so with {@link TryAgain};
 * anything else it throws counts as a call that failed without retry.
 */
public final class TryAgainOnly implements Predicate<Throwable> {

  @Override
  public boolean test(Throwable failure) {
    return failure instanceof TryAgain;
  }
}
