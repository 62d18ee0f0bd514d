/** Reviews: create and delete, each with its domain event for the rating aggregate. */
@NullMarked
package com.bellyfed.write.reviews;

import org.jspecify.annotations.NullMarked;
