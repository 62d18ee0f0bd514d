/** The transactional outbox: rows written with the entity, relayed at once after commit and swept up after a crash or an outage. */
@NullMarked
package com.bellyfed.events.outbox;

import org.jspecify.annotations.NullMarked;
