package com.bellyfed.kit.outage;

import java.util.function.Predicate;

/**
 * {@link Outages#isOutage} as a class, for configuration that names a predicate by class:
 * {@code resilience4j.circuitbreaker.configs.default.record-failure-predicate}, so that every breaker
 * declared in properties counts only outages, never a request the dependency rightly refused.
 */
public final class OutagePredicate implements Predicate<Throwable> {

  @Override
  public boolean test(Throwable failure) {
    return Outages.isOutage(failure);
  }
}
