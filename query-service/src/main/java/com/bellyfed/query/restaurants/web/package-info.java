/** The HTTP API of restaurants: search and restaurant pages, with caching headers. */
@NullMarked
package com.bellyfed.query.restaurants.web;

import org.jspecify.annotations.NullMarked;
