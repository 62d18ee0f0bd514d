/** Load generators that measure the platform and its emulators and write their reports. */
@NullMarked
package com.bellyfed.benchmarks;

import org.jspecify.annotations.NullMarked;
