/** Review listings of a restaurant and of a user, from the reviews table's indexes. */
@NullMarked
package com.bellyfed.query.reviews;

import org.jspecify.annotations.NullMarked;
