/** The reviews item: its record, its rules and its codec. */
@NullMarked
package com.bellyfed.data.reviews;

import org.jspecify.annotations.NullMarked;
