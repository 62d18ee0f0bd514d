/** Lookups of the breakers and retries declared in configuration. */
@NullMarked
package com.bellyfed.kit.resilience;

import org.jspecify.annotations.NullMarked;
