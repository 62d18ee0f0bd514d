/** Opaque, signed cursors over DynamoDB keys, and the page every listing returns. */
@NullMarked
package com.bellyfed.query.paging;

import org.jspecify.annotations.NullMarked;
