package com.bellyfed.analytics.deadletters;

import com.bellyfed.kit.problem.NotFoundException;

/** A name that is not a dead-letter queue of the topology. */
public class UnknownDeadLetterQueueException extends NotFoundException {

  UnknownDeadLetterQueueException(String name) {
    super("'" + name + "' is not a dead-letter queue of this environment; GET /api/dlqs lists them");
  }
}
