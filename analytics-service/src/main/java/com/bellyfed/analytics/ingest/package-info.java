/** Analytics ingestion: seed validation, enrichment, storage with TTL and per-minute aggregates with mergeable duration sketches. */
@NullMarked
package com.bellyfed.analytics.ingest;

import org.jspecify.annotations.NullMarked;
