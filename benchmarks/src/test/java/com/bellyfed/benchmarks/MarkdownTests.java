package com.bellyfed.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownTests {

  @Test
  void tableColumnsLineUp() {
    String table = new Markdown().table(List.of("path", "msgs/s"), List.of(List.of("raw", "1,234"), List.of("through the edge", "9"))).toString();

    assertThat(table.lines().toList())
        .containsExactly(
            "| path             | msgs/s |",
            "| ---------------- | ------ |",
            "| raw              | 1,234  |",
            "| through the edge | 9      |",
            "");
  }

  @Test
  void numbersHaveThousandsSeparatorsAndNoNaN() {
    assertThat(Markdown.number(12345.678, 1)).isEqualTo("12,345.7");
    assertThat(Markdown.number(Double.NaN, 2)).isEqualTo("–");
  }
}
