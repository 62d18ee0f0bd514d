/** The write-service benchmark: HTTP writes against the raw entity-and-outbox transaction, and event delivery latency. */
@NullMarked
package com.bellyfed.benchmarks.write;

import org.jspecify.annotations.NullMarked;
