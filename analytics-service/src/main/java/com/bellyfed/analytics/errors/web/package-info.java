/** The errors read API. */
@NullMarked
package com.bellyfed.analytics.errors.web;

import org.jspecify.annotations.NullMarked;
