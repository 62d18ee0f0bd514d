/** Replay jobs: archived events of a window re-published in their original order, flagged as replayed, at a bounded rate. */
@NullMarked
package com.bellyfed.analytics.replay;

import org.jspecify.annotations.NullMarked;
