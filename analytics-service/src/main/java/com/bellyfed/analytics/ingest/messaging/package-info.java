/** The analytics-queue listener, which dead-letters malformed events and hands the rest to ingestion. */
@NullMarked
package com.bellyfed.analytics.ingest.messaging;

import org.jspecify.annotations.NullMarked;
