/** The measurements of the common-events runtime: publisher against a naive loop, publish-to-consume latency, idempotency-guard overhead. */
@NullMarked
package com.bellyfed.benchmarks.runtime;

import org.jspecify.annotations.NullMarked;
