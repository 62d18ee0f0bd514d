/** Helpers of local-aws's own tests. */
@NullMarked
package com.bellyfed.localaws.testing;

import org.jspecify.annotations.NullMarked;
