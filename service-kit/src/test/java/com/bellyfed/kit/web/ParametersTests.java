package com.bellyfed.kit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bellyfed.kit.problem.FieldError;
import com.bellyfed.kit.problem.InvalidRequestException;
import java.math.BigDecimal;
import com.bellyfed.kit.paging.Cursors;
import com.bellyfed.kit.paging.PagingProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.time.Instant;
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
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.getStatusCode().value()).isEqualTo(400);
          assertThat(e.getBody().getDetail()).contains("limit", "sort: must be one of rating, name", "minRating", "city", "id");
          assertThat(e.errors()).extracting(FieldError::field).containsExactly("limit", "sort", "minRating", "city", "id");
          assertThat((List<?>) e.getBody().getProperties().get("errors")).hasSize(5);
        });
  }

  @Test
  void readsInstantsAndChecksTheirRange() {
    Parameters parameters = new Parameters();
    Instant from = parameters.instant("from", "2026-11-24T10:00:00Z");
    Instant to = parameters.instant("to", "2026-11-25T10:00:00Z");
    parameters.range("from", from, "to", to, Duration.ofDays(31));
    parameters.validate();

    parameters.instant("since", "yesterday");
    parameters.range("from", to, "to", from, Duration.ofDays(31));
    parameters.required("service", null, 200);
    Cursors cursors = new Cursors(new PagingProperties("test-secret-test-secret-test-secret", Duration.ofHours(1)), Clock.systemUTC());
    Object position = parameters.cursor("cursor", "forged.cursor", value -> cursors.decode(value, "listing", Set.of("pk")));
    assertThat(position).isNull();
    assertThatThrownBy(parameters::validate)
        .isInstanceOfSatisfying(InvalidRequestException.class, e ->
            assertThat(e.errors()).extracting(FieldError::field).containsExactly("since", "from", "service", "cursor"));
  }
}
