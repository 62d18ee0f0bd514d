/** The restaurants' REST endpoints. */
@NullMarked
package com.bellyfed.write.restaurants.web;

import org.jspecify.annotations.NullMarked;
