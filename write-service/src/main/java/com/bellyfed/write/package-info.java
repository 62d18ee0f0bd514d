/** The write-service: write APIs with outbox-backed domain events. */
@NullMarked
package com.bellyfed.write;

import org.jspecify.annotations.NullMarked;
