/** The rating queue's listener. */
@NullMarked
package com.bellyfed.write.ratings.messaging;

import org.jspecify.annotations.NullMarked;
