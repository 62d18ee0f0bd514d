/** The error bus intake: ErrorOccurred events stored by service, time and severity, and counted. */
@NullMarked
package com.bellyfed.analytics.errors;

import org.jspecify.annotations.NullMarked;
