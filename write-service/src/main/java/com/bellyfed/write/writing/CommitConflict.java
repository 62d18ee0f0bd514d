package com.bellyfed.write.writing;

import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A write transaction was cancelled: a condition of the item at {@code index} failed
 * ({@code ConditionalCheckFailed}), or another transaction touched the same item at the same time
 * ({@code TransactionConflict}). The caller knows what each index means.
 */
public final class CommitConflict extends RuntimeException {

  private final int index;
  private final String code;

  CommitConflict(int index, String code, Throwable cause) {
    super("Transaction cancelled at item " + index + ": " + code, cause);
    this.index = index;
    this.code = code;
  }

  static CommitConflict of(TransactionCanceledException cancelled) {
    int index = DomainWrites.firstFailure(cancelled.cancellationReasons());
    String code = index < 0 ? "Unknown" : cancelled.cancellationReasons().get(index).code();
    return new CommitConflict(index, code, cancelled);
  }

  public int index() {
    return index;
  }

  public boolean conditionFailedAt(int item) {
    return index == item && "ConditionalCheckFailed".equals(code);
  }

  /** Another transaction held the item: trying again can succeed. */
  public boolean retryable() {
    return !"ConditionalCheckFailed".equals(code);
  }
}
