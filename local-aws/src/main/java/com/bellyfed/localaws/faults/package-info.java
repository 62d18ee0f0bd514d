/** Fault injection: errors, throttling, latency or an outage of one emulated service, on demand. */
@NullMarked
package com.bellyfed.localaws.faults;

import org.jspecify.annotations.NullMarked;
