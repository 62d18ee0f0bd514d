/** Publishing to EventBridge: batched PutEvents behind a circuit breaker, with retries and a spill to the outbox. */
@NullMarked
package com.bellyfed.events.publishing;

import org.jspecify.annotations.NullMarked;
