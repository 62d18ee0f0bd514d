package com.bellyfed.events.consuming;

import com.bellyfed.events.envelope.EventEnvelope;

/** A consumer's reaction to one event; an exception means "not done, deliver it again later". */
@FunctionalInterface
public interface EventHandler {

  void on(EventEnvelope event) throws Exception;
}
