package com.bellyfed.kit.resilience;

/**
 * Thrown by an attempt run through {@link Attempts#call} to ask for another attempt. It carries the
 * failure that the caller gets once the retry's attempts run out; any other exception ends the run
 * at once.
 */
public final class TryAgain extends RuntimeException {

  private final RuntimeException failure;

  /** Asks for another attempt; {@code failure} is thrown if there is none left. */
  public TryAgain(RuntimeException failure) {
    super(failure.getMessage(), failure, false, false);
    this.failure = failure;
  }

  /** What the caller is told when no attempt is left. */
  public RuntimeException failure() {
    return failure;
  }
}
