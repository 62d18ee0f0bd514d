/** Applies a topology to any AWS endpoint (local-aws, LocalStack or a real account) idempotently. */
@NullMarked
package com.bellyfed.events.provisioning;

import org.jspecify.annotations.NullMarked;
