/** Restaurant search and look-up over the restaurants table and its scope/order indexes. */
@NullMarked
package com.bellyfed.query.restaurants;

import org.jspecify.annotations.NullMarked;
