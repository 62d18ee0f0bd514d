package com.bellyfed.events.standins;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * PutEvents answered entry by entry by a rule the test sets (accept, or refuse with an error code),
 * every call recorded. Every other call fails, as the SDK interface's defaults do.
 */
public final class InMemoryEventBridge implements EventBridgeClient {

  public final List<List<PutEventsRequestEntry>> calls = new CopyOnWriteArrayList<>();
  private volatile Function<PutEventsRequestEntry, String> errorCode = entry -> null;

  /** Answers each entry with the error code {@code rule} gives it, or accepts it when that is null. */
  public void answer(Function<PutEventsRequestEntry, String> rule) {
    errorCode = rule;
  }

  /** How many times an entry whose detail contains {@code text} was sent. */
  public long attempts(String text) {
    return calls.stream().flatMap(List::stream).filter(entry -> entry.detail().contains(text)).count();
  }

  @Override
  public PutEventsResponse putEvents(PutEventsRequest request) {
    calls.add(List.copyOf(request.entries()));
    List<PutEventsResultEntry> results = request.entries().stream().map(entry -> {
      String code = errorCode.apply(entry);
      return code == null
          ? PutEventsResultEntry.builder().eventId("e-" + calls.size()).build()
          : PutEventsResultEntry.builder().errorCode(code).errorMessage("refused by the test").build();
    }).toList();
    int failed = (int) results.stream().filter(result -> result.errorCode() != null).count();
    return PutEventsResponse.builder().entries(results).failedEntryCount(failed).build();
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {}
}
