/** The error-queue listener. */
@NullMarked
package com.bellyfed.analytics.errors.messaging;

import org.jspecify.annotations.NullMarked;
