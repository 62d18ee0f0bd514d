package com.bellyfed.analytics.deadletters.web;

import com.bellyfed.analytics.Filters;
import com.bellyfed.analytics.deadletters.DeadLetters;
import com.bellyfed.kit.problem.InvalidRequestException;
import com.bellyfed.kit.problem.NotFoundException;
import com.bellyfed.kit.web.Parameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/dlqs}: review and redrive dead-lettered messages. */
// Admin only (AccessRules): every operation needs an admin's access token.
@SecurityRequirement(name = "bearer")
@RestController
@RequestMapping("/api/dlqs")
class DeadLettersController {

  private final DeadLetters deadLetters;

  DeadLettersController(DeadLetters deadLetters) {
    this.deadLetters = deadLetters;
  }

  /** Which messages to move; none (or no body) means all of them. */
  record RedriveRequest(@Nullable List<String> messageIds) {}

  @Operation(summary = "Every dead-letter queue with its depth and the age of its oldest message")
  @GetMapping
  List<DeadLetters.Summary> list() {
    return deadLetters.list();
  }

  @Operation(summary = "Peek at up to 10 messages without consuming them (each peek counts as a receive)")
  @GetMapping("/{name}/messages")
  List<DeadLetters.Peeked> peek(@PathVariable String name, @RequestParam(required = false) @Nullable Integer limit) {
    Parameters parameters = new Parameters();
    int size = parameters.limit("limit", limit, 10, 10);
    parameters.validate();
    return deadLetters.peek(name, size);
  }

  @Operation(summary = "Move all messages (StartMessageMoveTask) or the given ones back to the flow's queue")
  @PostMapping(value = "/{name}/redrive", consumes = {MediaType.APPLICATION_JSON_VALUE})
  ResponseEntity<DeadLetters.Redrive> redrive(@PathVariable String name, @RequestBody(required = false) @Nullable RedriveRequest request) {
    List<String> ids = request == null ? null : request.messageIds();
    if (ids != null) {
      if (ids.size() > 100) {
        throw InvalidRequestException.of("messageIds", "at most 100 ids per request");
      }
      if (ids.stream().anyMatch(id -> id == null || !Filters.isName(id))) {
        throw InvalidRequestException.of("messageIds", "every id must be an SQS message id: 1 to 128 letters, digits or . _ : -");
      }
    }
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(deadLetters.redrive(name, ids));
  }

  @Operation(summary = "Delete one reviewed message")
  @DeleteMapping("/{name}/messages/{messageId}")
  ResponseEntity<Void> delete(@PathVariable String name, @PathVariable String messageId) {
    // Checked before the queue is searched: a search receives (and counts a receive on) up to 200 messages.
    Parameters parameters = new Parameters();
    Filters.requiredName(parameters, "messageId", messageId);
    parameters.validate();
    if (!deadLetters.delete(name, messageId)) {
      throw new NotFoundException("Message " + messageId + " is not in " + name);
    }
    return ResponseEntity.noContent().build();
  }
}
