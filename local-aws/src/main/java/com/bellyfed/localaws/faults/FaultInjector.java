package com.bellyfed.localaws.faults;

import com.bellyfed.localaws.edge.AwsRequest;
import com.bellyfed.localaws.edge.AwsService;
import com.bellyfed.localaws.edge.RequestFilter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** The faults in force; the edge asks it about every request. */
public final class FaultInjector implements RequestFilter {

  private final List<Fault> faults = new CopyOnWriteArrayList<>();
  private final AtomicLong injected = new AtomicLong();

  /** Adds a fault; a fault of the same service, type and operation is replaced. */
  public void inject(Fault fault) {
    faults.removeIf(
        existing ->
            existing.service() == fault.service()
                && existing.type() == fault.type()
                && Objects.equals(existing.operation(), fault.operation()));
    faults.add(fault);
  }

  public void clear() {
    faults.clear();
  }

  public void clear(AwsService service) {
    faults.removeIf(fault -> fault.service() == service);
  }

  public List<Fault> active() {
    return List.copyOf(faults);
  }

  /** How many requests faults have hit since start. */
  public long injectedCount() {
    return injected.get();
  }

  @Override
  public Verdict check(AwsRequest request) {
    return pick(request.service(), request.operation())
        .<Verdict>map(
            fault ->
                switch (fault.type()) {
                  case ERROR -> new Verdict.Respond(FaultResponses.internalError(request));
                  case THROTTLE -> new Verdict.Respond(FaultResponses.throttling(request));
                  case LATENCY -> new Verdict.Delay(fault.latency());
                  case DOWN -> new Verdict.Drop();
                })
        .orElse(Verdict.PASS);
  }

  /** The fault that hits this request, if any: each matching fault rolls its rate in turn. */
  public Optional<Fault> pick(AwsService service, String operation) {
    if (faults.isEmpty()) {
      return Optional.empty();
    }
    for (Fault fault : faults) {
      if (fault.appliesTo(service, operation) && ThreadLocalRandom.current().nextDouble() < fault.rate()) {
        injected.incrementAndGet();
        return Optional.of(fault);
      }
    }
    return Optional.empty();
  }
}
