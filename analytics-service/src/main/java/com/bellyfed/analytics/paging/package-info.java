/** Sortable keys and opaque cursors shared by the read APIs, so that every listing pages the same way. */
@NullMarked
package com.bellyfed.analytics.paging;

import org.jspecify.annotations.NullMarked;
