package com.bellyfed.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParametersTests {

  @Test
  void readsValidValuesAndDefaults() {
    Parameters parameters = new Parameters();

    assertThat(parameters.integer("limit", null, 1, 100, 20)).isEqualTo(20);
    assertThat(parameters.integer("limit", " 7 ", 1, 100, 20)).isEqualTo(7);
    assertThat(parameters.oneOf("sort", null, List.of("rating", "name"))).isEqualTo("rating");
    assertThat(parameters.decimal("minRating", "4.5", BigDecimal.ZERO, BigDecimal.valueOf(5))).isEqualByComparingTo("4.5");
    parameters.validate();
  }

  @Test
  void reportsEveryInvalidParameterAtOnce() {
    Parameters parameters = new Parameters();
    parameters.integer("limit", "0", 1, 100, 20);
    parameters.oneOf("sort", "popular", List.of("rating", "name"));
    parameters.decimal("minRating", "4.555", BigDecimal.ZERO, BigDecimal.valueOf(5));
    parameters.text("city", "a\nb", 100);
    parameters.id("id", "../../etc/passwd");

    assertThatThrownBy(parameters::validate)
        .isInstanceOfSatisfying(InvalidParametersException.class, e -> {
          assertThat(e.getStatusCode().value()).isEqualTo(400);
          assertThat(e.getBody().getDetail()).contains("limit", "sort must be one of rating, name", "minRating", "city", "id");
          assertThat((List<?>) e.getBody().getProperties().get("errors")).hasSize(5);
        });
  }
}
