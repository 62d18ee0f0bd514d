/** The correlation look-up API over the archive. */
@NullMarked
package com.bellyfed.analytics.archive.web;

import org.jspecify.annotations.NullMarked;
