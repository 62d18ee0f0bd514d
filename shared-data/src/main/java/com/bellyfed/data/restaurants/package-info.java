/** The restaurants item: its record, its rules and its codec. */
@NullMarked
package com.bellyfed.data.restaurants;

import org.jspecify.annotations.NullMarked;
