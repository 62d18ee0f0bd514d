package com.bellyfed.kit.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PageTests {

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void isItemsAndNextCursorOnTheWire() {
    assertThat(json.writeValueAsString(new Page<>(List.of("a", "b"), "c1.sig")))
        .isEqualTo("{\"items\":[\"a\",\"b\"],\"nextCursor\":\"c1.sig\"}");
    assertThat(json.writeValueAsString(new Page<>(List.of(), null))).isEqualTo("{\"items\":[],\"nextCursor\":null}");
  }

  @Test
  void mapsItsItemsAndKeepsItsCursor() {
    assertThat(new Page<>(List.of(1, 2), "next").map(n -> "#" + n)).isEqualTo(new Page<>(List.of("#1", "#2"), "next"));
  }
}
