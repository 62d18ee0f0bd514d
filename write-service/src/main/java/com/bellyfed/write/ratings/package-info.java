/** The restaurant rating aggregate, kept exactly once from review events. */
@NullMarked
package com.bellyfed.write.ratings;

import org.jspecify.annotations.NullMarked;
