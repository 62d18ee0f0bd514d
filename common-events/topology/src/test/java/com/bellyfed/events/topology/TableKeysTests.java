package com.bellyfed.events.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableKeysTests {

  @Test
  void putsSpellingsOfOneCityInOnePartition() {
    assertThat(List.of("Kuala Lumpur", "  kuala   lumpur ", "KUALA LUMPUR", "Ｋｕａｌａ Lumpur"))
        .extracting(TableKeys::cityKey)
        .containsOnly("kuala lumpur");
    assertThat(TableKeys.cityCuisineKey(" Penang", "Nyonya ")).isEqualTo("penang#nyonya");
  }

  @Test
  void writesInstantsWhoseTextOrderIsTheirTimeOrder() {
    List<Instant> instants = List.of(
        Instant.parse("2026-11-24T12:00:05Z"),
        Instant.parse("2026-11-24T12:00:05.120Z"),
        Instant.parse("2026-11-24T12:00:05.000450Z"),
        Instant.parse("2026-11-24T12:00:04.999Z"));

    List<String> written = instants.stream().map(TableKeys::timestamp).toList();

    assertThat(written).containsExactly(
        "2026-11-24T12:00:05.000Z", "2026-11-24T12:00:05.120Z", "2026-11-24T12:00:05.000Z", "2026-11-24T12:00:04.999Z");
    assertThat(written.stream().sorted().toList())
        .isEqualTo(instants.stream().sorted(Comparator.naturalOrder()).map(TableKeys::timestamp).toList());
    assertThat(Instant.parse(TableKeys.timestamp(instants.get(1)))).isEqualTo(instants.get(1));
    // What Instant.toString would have written sorts wrongly.
    assertThat("2026-11-24T12:00:05Z").isGreaterThan("2026-11-24T12:00:05.120Z");
  }
}
