package com.bellyfed.kit.paging;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One page of any listing, the one paging envelope of every service.
 *
 * @param items the items, in the listing's order
 * @param nextCursor pass it as {@code cursor}, with the same other parameters, for the next page;
 *     null on the last page
 */
public record Page<T>(List<T> items, @Nullable String nextCursor) {

  public Page {
    items = List.copyOf(items);
  }

  public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
    return new Page<>(items.stream().<R>map(mapper).toList(), nextCursor);
  }
}
