package com.bellyfed.benchmarks.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What to measure and for how long.
 *
 * @param events events per variant of the publisher-throughput phase (the publisher and the naive loop each send this many)
 * @param threads the threads that publish in the throughput phase
 * @param publisherSenders the publisher's sender threads ({@code PublisherSettings.senders})
 * @param warmup the length of the mixed traffic before anything is measured
 * @param measure the length of each rate of the latency phase
 * @param rates the publish rates per second of the latency phase
 * @param senders threads that make the paced {@code publish()} calls (the pacing itself is one scheduler thread)
 * @param receivers threads that long-poll a tap queue
 * @param guardMessages messages each variant of the guard-overhead phase handles
 * @param dynamoDb how long GetItem + PutItem run on their own in the guard-overhead phase
 * @param drain the longest wait for outstanding deliveries after a phase stops sending
 * @param report where the Markdown report goes
 */
public record RuntimeOptions(
    int events,
    int threads,
    int publisherSenders,
    Duration warmup,
    Duration measure,
    List<Integer> rates,
    int senders,
    int receivers,
    int guardMessages,
    Duration dynamoDb,
    Duration drain,
    Path report) {

  public RuntimeOptions {
    rates = List.copyOf(rates);
    requirePositive(events, "events");
    requirePositive(threads, "threads");
    requirePositive(publisherSenders, "publisherSenders");
    requirePositive(measure.toSeconds(), "measure (whole seconds)");
    requirePositive(senders, "senders");
    requirePositive(receivers, "receivers");
    requirePositive(guardMessages, "guardMessages");
    requirePositive(dynamoDb.toMillis(), "dynamoDb");
    requirePositive(drain.toMillis(), "drain");
    rates.forEach(rate -> requirePositive(rate, "rate"));
    if (warmup.isNegative()) {
      throw new IllegalArgumentException("warm-up must not be negative");
    }
    // Both halves of each variant must have events to send.
    if (events < 2 || guardMessages < 2) {
      throw new IllegalArgumentException("events and guardMessages must be at least 2, for two halves each");
    }
  }

  private static void requirePositive(long value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
