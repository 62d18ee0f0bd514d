/** HTTP concerns shared by every endpoint: problem details, ETags, Idempotency-Key replays, the body size limit and the write analytics. */
@NullMarked
package com.bellyfed.write.web;

import org.jspecify.annotations.NullMarked;
