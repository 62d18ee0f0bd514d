package com.bellyfed.query.restaurants;

import com.bellyfed.testing.LoadTest;

/** The paging tests over the 10,000 restaurants of the issue: {@code ./mvnw verify -Pload}. */
@LoadTest
class RestaurantPagingLoadIntegrationTests extends RestaurantPagingIntegrationTests {

  @Override
  int restaurants() {
    return 10_000;
  }
}
