package com.bellyfed.localaws.dynamodb.engine;

import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Item locks, striped: an item's lock is one of a fixed set chosen by its table and key, so that
 * locking needs no allocation and no map. Writers of one item take its stripe; a transaction takes
 * the stripes of all its items in ascending order, which is why two transactions can never wait on
 * each other in a circle. Readers take no lock: they read immutable encoded items.
 */
final class Locks {

  private static final int STRIPES = 1 << 12;

  private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

  Locks() {
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  int stripe(String tableId, byte[] key) {
    int h = tableId.hashCode() * 31 + Arrays.hashCode(key);
    h ^= h >>> 16;
    h *= 0x7FEB352D;
    h ^= h >>> 15;
    return h & (STRIPES - 1);
  }

  void lock(int stripe) {
    stripes[stripe].lock();
  }

  void unlock(int stripe) {
    stripes[stripe].unlock();
  }

  /** Locks every stripe once, in ascending order; returns the sorted distinct stripes to unlock. */
  int[] lockAll(int[] wanted) {
    int[] sorted = Arrays.stream(wanted).sorted().distinct().toArray();
    int locked = 0;
    try {
      for (int stripe : sorted) {
        stripes[stripe].lock();
        locked++;
      }
      return sorted;
    } catch (RuntimeException | Error e) {
      for (int i = locked - 1; i >= 0; i--) {
        stripes[sorted[i]].unlock();
      }
      throw e;
    }
  }

  /** Waits until every write that holds a stripe now has finished: each stripe locked once and released. */
  void barrier() {
    for (ReentrantLock stripe : stripes) {
      stripe.lock();
      stripe.unlock();
    }
  }

  void unlockAll(int[] sorted) {
    for (int i = sorted.length - 1; i >= 0; i--) {
      stripes[sorted[i]].unlock();
    }
  }
}
