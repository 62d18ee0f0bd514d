/** The analytics-service benchmark: ingest rate and processing delay of the real service process against raw BatchWriteItem. */
@NullMarked
package com.bellyfed.benchmarks.analytics;

import org.jspecify.annotations.NullMarked;
