/** The analytics read API: summaries answered from aggregates and cursor-paged events from indexes. */
@NullMarked
package com.bellyfed.analytics.ingest.web;

import org.jspecify.annotations.NullMarked;
