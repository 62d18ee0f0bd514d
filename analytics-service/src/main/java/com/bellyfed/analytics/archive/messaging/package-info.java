/** The archive-queue listener. */
@NullMarked
package com.bellyfed.analytics.archive.messaging;

import org.jspecify.annotations.NullMarked;
