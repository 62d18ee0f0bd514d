package com.bellyfed.analytics.archive.web;

import com.bellyfed.analytics.Filters;
import com.bellyfed.analytics.archive.EventArchive.ArchivedEvent;
import com.bellyfed.analytics.archive.EventArchive;
import com.bellyfed.kit.problem.NotFoundException;
import com.bellyfed.kit.web.Parameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/events}: the chain of events one user request caused, across every service. */
// Admin only (AccessRules): every operation needs an admin's access token.
@SecurityRequirement(name = "bearer")
@RestController
@RequestMapping("/api/events")
class EventsController {

  private final EventArchive archive;
  // The data is read back from its JSON text into plain maps and lists by the service's one mapper
  // (written when envelopes held Jackson 2 trees; since decision 30 they are Jackson 3's, and this could go).
  private final JsonMapper json;

  EventsController(EventArchive archive, JsonMapper json) {
    this.archive = archive;
    this.json = json;
  }

  /** One event of a chain with its causation links. */
  record ChainEvent(
      String eventId, String eventType, String source, Instant timestamp, long sequenceNumber, @Nullable String causationId,
      List<String> caused, @Nullable String service, @Nullable Object data, Map<String, String> metadata) {}

  /** A chain: its events in order, the roots (caused by no archived event) first among equals. */
  record Chain(String correlationId, int count, List<String> roots, List<ChainEvent> events) {}

  @Operation(summary = "Every archived event of one correlation id, ordered by timestamp then sequence number, with which event caused which")
  @GetMapping
  Chain chain(@RequestParam(required = false) @Nullable String correlationId) {
    Parameters parameters = new Parameters();
    Filters.requiredName(parameters, "correlationId", correlationId);
    parameters.validate();
    List<ArchivedEvent> events = archive.chain(correlationId);
    if (events.isEmpty()) {
      throw new NotFoundException("No archived event has correlation id " + correlationId);
    }
    Set<String> ids = new HashSet<>();
    Map<String, List<String>> caused = new LinkedHashMap<>();
    for (ArchivedEvent event : events) {
      ids.add(event.envelope().eventId());
      caused.put(event.envelope().eventId(), new ArrayList<>());
    }
    List<String> roots = new ArrayList<>();
    for (ArchivedEvent event : events) {
      String cause = event.envelope().causationId();
      if (cause != null && ids.contains(cause)) {
        caused.get(cause).add(event.envelope().eventId());
      } else {
        roots.add(event.envelope().eventId());
      }
    }
    List<ChainEvent> chain = events.stream().map(event -> new ChainEvent(
        event.envelope().eventId(), event.envelope().eventType(), event.source(), event.envelope().timestamp(),
        event.envelope().sequenceNumber(), event.envelope().causationId(), caused.get(event.envelope().eventId()),
        event.envelope().metadata().get("service"), plain(event), event.envelope().metadata())).toList();
    return new Chain(correlationId, chain.size(), roots, chain);
  }

  private @Nullable Object plain(ArchivedEvent event) {
    return json.readValue(event.dataJson(), Object.class);
  }
}
