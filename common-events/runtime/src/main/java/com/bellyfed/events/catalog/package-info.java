/** The catalog of every event type (bus, source, detail-type, version, required fields) and the seed analytics and error events. */
@NullMarked
package com.bellyfed.events.catalog;

import org.jspecify.annotations.NullMarked;
