package com.bellyfed.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A Markdown document built line by line, with tables whose columns line up in the source too. */
public final class Markdown {

  private final StringBuilder text = new StringBuilder();

  public Markdown heading(int level, String title) {
    text.append("#".repeat(level)).append(' ').append(title).append("\n\n");
    return this;
  }

  public Markdown paragraph(String paragraph) {
    text.append(paragraph).append("\n\n");
    return this;
  }

  public Markdown bullets(List<String> items) {
    items.forEach(item -> text.append("- ").append(item).append('\n'));
    text.append('\n');
    return this;
  }

  public Markdown table(List<String> header, List<List<String>> rows) {
    int[] widths = new int[header.size()];
    Arrays.fill(widths, 3);
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    for (List<String> row : all) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    line(header, widths);
    List<String> rule = new ArrayList<>();
    for (int width : widths) {
      rule.add("-".repeat(width));
    }
    line(rule, widths);
    rows.forEach(row -> line(row, widths));
    text.append('\n');
    return this;
  }

  private void line(List<String> cells, int[] widths) {
    text.append('|');
    for (int i = 0; i < cells.size(); i++) {
      text.append(' ').append(cells.get(i)).append(" ".repeat(widths[i] - cells.get(i).length())).append(" |");
    }
    text.append('\n');
  }

  /** Numbers as a reader wants them: thousands separated, no false precision. */
  public static String number(double value, int decimals) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%,." + decimals + "f", value);
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
