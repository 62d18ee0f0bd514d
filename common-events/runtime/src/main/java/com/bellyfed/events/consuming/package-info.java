/** Consuming events reliably: the idempotency guard that turns a redelivery into an acknowledgement without side effects. */
@NullMarked
package com.bellyfed.events.consuming;

import org.jspecify.annotations.NullMarked;
