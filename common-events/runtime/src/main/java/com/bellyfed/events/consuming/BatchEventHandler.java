package com.bellyfed.events.consuming;

import java.util.List;

/**
 * A consumer's reaction to the events of one poll at once, for consumers whose effect is cheaper in
 * bulk (one BatchWriteItem or one transaction instead of one call per event). The idempotency
 * guard is not consulted for them: the handler's effect must itself be idempotent by event id (a
 * conditional write keyed by the event id, or an overwrite with the same content). An exception
 * means "none of them is done, deliver them all again later".
 */
@FunctionalInterface
public interface BatchEventHandler {

  void on(List<DeliveredEvent> events) throws Exception;
}
