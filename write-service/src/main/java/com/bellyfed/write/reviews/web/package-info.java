/** The reviews' REST endpoints. */
@NullMarked
package com.bellyfed.write.reviews.web;

import org.jspecify.annotations.NullMarked;
