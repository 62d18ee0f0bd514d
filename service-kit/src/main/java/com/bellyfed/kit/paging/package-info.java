/** The one paging envelope, {@code {items, nextCursor}}, and the signed cursors it carries. */
@NullMarked
package com.bellyfed.kit.paging;

import org.jspecify.annotations.NullMarked;
