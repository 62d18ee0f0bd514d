package com.bellyfed.query.paging;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One page of a listing.
 *
 * @param items the items, in the listing's order
 * @param nextCursor the cursor of the next page; null on the last page
 */
public record Page<T>(List<T> items, @Nullable String nextCursor) {

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), nextCursor);
  }
}
