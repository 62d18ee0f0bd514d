/** Spring Boot auto-configuration of the publisher, the outbox relay and request correlation. */
@NullMarked
package com.bellyfed.events.autoconfigure;

import org.jspecify.annotations.NullMarked;
