/** The HTTP API of review listings. */
@NullMarked
package com.bellyfed.query.reviews.web;

import org.jspecify.annotations.NullMarked;
