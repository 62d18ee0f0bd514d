/** Dead-letter operations over every DLQ of the topology: depth, peek, redrive and delete. */
@NullMarked
package com.bellyfed.analytics.deadletters;

import org.jspecify.annotations.NullMarked;
