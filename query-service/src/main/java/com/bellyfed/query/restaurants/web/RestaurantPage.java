package com.bellyfed.query.restaurants.web;

import com.bellyfed.query.restaurants.Restaurant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a restaurant search.
 *
 * @param nextCursor pass it as {@code cursor}, with the same other parameters, for the next page;
 *     null on the last page
 */
record RestaurantPage(List<Restaurant> items, @Nullable String nextCursor) {}
