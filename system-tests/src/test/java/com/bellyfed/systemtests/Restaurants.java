package com.bellyfed.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.testing.HttpApi;
import com.bellyfed.testing.HttpApi.Answer;
import java.util.Map;

/** Restaurants written through write-service's API, as an admin writes them. */
final class Restaurants {

  private Restaurants() {}

  /** {@code POST /api/restaurants}: 201; returns the new restaurant's id. */
  static String create(Suite suite, Users.SignedIn admin, String name) {
    Answer created = suite.as(admin, "write-service").post("/api/restaurants", HttpApi.json(Map.of(
        "name", name, "city", "Singapore", "cuisine", "Peranakan", "address", "1 Katong Rd", "priceLevel", 2)));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().path("restaurantId").asString();
  }
}
