package com.bellyfed.data.restaurants;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The one set of rules of a restaurant listing, which write-service and import-service both check. */
class ListingRulesTests {

  static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
  static final Validator VALIDATOR = FACTORY.getValidator();

  @AfterAll
  static void close() {
    FACTORY.close();
  }

  static Map<String, String> violations(Object value) {
    Map<String, String> found = new TreeMap<>();
    VALIDATOR.validate(value).forEach(v -> found.put(v.getPropertyPath().toString(), v.getMessage()));
    return found;
  }

  @Test
  void addressIsRequiredAndPriceLevelIsNot() {
    assertThat(violations(new Listing("A", "B", "C", "1 Road", null, null, null))).isEmpty();
    assertThat(violations(new Listing("A", "B", "C", null, null, null, null))).containsOnlyKeys("address");
    assertThat(violations(new Listing("A", "B", "C", "  ", null, null, null))).containsOnlyKeys("address");
  }

  @Test
  void refusesWhatTheDataModelDoesNotAllow() {
    Listing listing = new Listing(
        "x".repeat(201), "", "C", "a".repeat(501), new Listing.Geo(new BigDecimal("91"), null), 5,
        List.of("ok", "t".repeat(51)));
    assertThat(violations(listing)).containsOnlyKeys(
        "name", "city", "address", "geo.lat", "geo.lon", "priceLevel", "tags[1].<list element>");
    assertThat(violations(new Listing("A", "B", "C", "D", null, 0, Collections.nCopies(21, "t"))))
        .containsOnlyKeys("priceLevel", "tags");
  }

  @Test
  void stripsTextsBeforeTheRulesSeeThem() {
    Listing listing = new Listing("  Wanjo ", "\tKL", "Malay ", " 1 Road", null, 4, List.of(" a "));
    assertThat(listing).isEqualTo(new Listing("Wanjo", "KL", "Malay", "1 Road", null, 4, List.of("a")));
    assertThat(violations(new Listing("   ", "KL", "Malay", "1 Road", null, null, null))).containsOnlyKeys("name");
  }
}
