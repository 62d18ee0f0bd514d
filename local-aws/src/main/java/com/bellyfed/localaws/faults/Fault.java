package com.bellyfed.localaws.faults;

import com.bellyfed.localaws.edge.AwsService;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A fault on one service.
 *
 * @param service the service it hits
 * @param type what it does
 * @param rate the share of requests it hits, 0 to 1
 * @param latency how long LATENCY holds a request
 * @param operation only this operation (e.g. {@code PutEvents}), or every operation when null
 */
public record Fault(
    AwsService service, FaultType type, double rate, Duration latency, @Nullable String operation) {

  public Fault {
    if (rate < 0 || rate > 1) {
      throw new IllegalArgumentException("rate must be between 0 and 1, was " + rate);
    }
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative");
    }
  }

  public static Fault down(AwsService service) {
    return new Fault(service, FaultType.DOWN, 1.0, Duration.ZERO, null);
  }

  public static Fault errors(AwsService service, double rate) {
    return new Fault(service, FaultType.ERROR, rate, Duration.ZERO, null);
  }

  public static Fault throttling(AwsService service, double rate) {
    return new Fault(service, FaultType.THROTTLE, rate, Duration.ZERO, null);
  }

  public static Fault latency(AwsService service, Duration latency) {
    return new Fault(service, FaultType.LATENCY, 1.0, latency, null);
  }

  public Fault onlyFor(String operationName) {
    return new Fault(service, type, rate, latency, operationName);
  }

  boolean appliesTo(AwsService requestService, String requestOperation) {
    return service == requestService && (operation == null || operation.equals(requestOperation));
  }
}
