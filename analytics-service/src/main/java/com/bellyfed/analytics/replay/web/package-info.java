/** The replay jobs API. */
@NullMarked
package com.bellyfed.analytics.replay.web;

import org.jspecify.annotations.NullMarked;
