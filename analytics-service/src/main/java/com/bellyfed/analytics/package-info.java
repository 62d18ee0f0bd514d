/** The analytics-service: analytics, errors, event archive and dead-letter operations. */
@NullMarked
package com.bellyfed.analytics;

import org.jspecify.annotations.NullMarked;
