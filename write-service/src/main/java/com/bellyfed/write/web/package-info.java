/** HTTP concerns of this service beyond service-kit's web contract: ETags, Idempotency-Key replays and the write analytics. */
@NullMarked
package com.bellyfed.write.web;

import org.jspecify.annotations.NullMarked;
