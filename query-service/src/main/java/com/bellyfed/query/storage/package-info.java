/** DynamoDB access for every read: timeouts, the circuit breaker, and the 503 an outage becomes. */
@NullMarked
package com.bellyfed.query.storage;

import org.jspecify.annotations.NullMarked;
