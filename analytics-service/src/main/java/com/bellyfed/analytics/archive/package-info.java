/** The event archive: every event of every bus stored once, indexed by time, type and correlation id. */
@NullMarked
package com.bellyfed.analytics.archive;

import org.jspecify.annotations.NullMarked;
