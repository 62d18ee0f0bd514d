/** The one backoff policy: attempts and jittered exponential waits from Resilience4j's retry configuration. */
@NullMarked
package com.bellyfed.kit.backoff;

import org.jspecify.annotations.NullMarked;
