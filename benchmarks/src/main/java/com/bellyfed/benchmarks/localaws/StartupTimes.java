package com.bellyfed.benchmarks.localaws;

import com.bellyfed.localaws.LocalAws;
import java.time.Duration;

/**
 * How long {@code LocalAws.start} takes, measured around the call: first in the JVM (classes to
 * load, nothing compiled yet) and again in the same JVM.
 *
 * @param cold the first start, provisioning included
 * @param coldReported what the first instance reports of itself ({@link LocalAws#startupTime()})
 * @param coldClose how long closing the first instance took
 * @param warm the second start in the same JVM
 * @param warmReported what the second instance reports of itself
 */
public record StartupTimes(Duration cold, Duration coldReported, Duration coldClose, Duration warm, Duration warmReported) {

  /** The times, and the second instance, which the other measurements use and the caller closes. */
  public record Measured(StartupTimes times, LocalAws localAws) {}

  public static Measured measure(LocalAws.Settings settings) {
    long began = System.nanoTime();
    LocalAws first = LocalAws.start(settings);
    Duration cold = Duration.ofNanos(System.nanoTime() - began);
    Duration coldReported = first.startupTime();
    began = System.nanoTime();
    first.close();
    Duration coldClose = Duration.ofNanos(System.nanoTime() - began);

    began = System.nanoTime();
    LocalAws second = LocalAws.start(settings);
    Duration warm = Duration.ofNanos(System.nanoTime() - began);
    return new Measured(new StartupTimes(cold, coldReported, coldClose, warm, second.startupTime()), second);
  }
}
