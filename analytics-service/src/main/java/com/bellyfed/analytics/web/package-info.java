/** HTTP concerns shared by every endpoint: problem details and the request size limit. */
@NullMarked
package com.bellyfed.analytics.web;

import org.jspecify.annotations.NullMarked;
