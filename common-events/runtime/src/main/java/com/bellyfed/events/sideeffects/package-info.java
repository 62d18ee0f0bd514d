/** Side effects of requests that must never delay or fail them: analytics events and error reports. */
@NullMarked
package com.bellyfed.events.sideeffects;

import org.jspecify.annotations.NullMarked;
