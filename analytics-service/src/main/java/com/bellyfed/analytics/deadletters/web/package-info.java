/** The dead-letter operations API. */
@NullMarked
package com.bellyfed.analytics.deadletters.web;

import org.jspecify.annotations.NullMarked;
