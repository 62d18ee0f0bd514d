package com.bellyfed.events.consuming;

import com.bellyfed.events.envelope.EventEnvelope;

/**
 * One event as a rule delivered it: the envelope from the EventBridge event's {@code detail}, and
 * the {@code detail-type} it travelled under (the envelope does not carry it; an archive that
 * publishes the event again needs it).
 */
public record DeliveredEvent(EventEnvelope envelope, String detailType) {}
