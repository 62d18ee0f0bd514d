package com.bellyfed.imports.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bellyfed.events.publishing.EventFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordReaderTests {

  @Test
  void readsAnEndlessBodyOfOverLongLinesOneBoundedLineAtATime() throws IOException {
    // An endless body of 10 KB lines; the reader keeps 1 KB of each and reports it, line by line.
    InputStream endless = new InputStream() {
      long position;

      @Override
      public int read() {
        return position++ % 10_000 == 9_999 ? '\n' : 'x';
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        for (int i = 0; i < length; i++) {
          buffer[offset + i] = (byte) read();
        }
        return length;
      }
    };
    RecordReader reader = RecordReader.open(RecordType.USERS, Format.NDJSON, endless, EventFactory.plainValidator(), 1024, Clock.systemUTC());

    RecordReader.Entry entry = null;
    for (int i = 0; i < 2_000; i++) {
      entry = reader.next();
    }

    assertThat(entry).isEqualTo(new RecordReader.Rejected(2_000, "line is longer than the limit of 1024 bytes"));
  }

  @Test
  void countsLinesAcrossCrLfAndBlankLines() throws IOException {
    List<RecordReader.Entry> entries = drain(open(Format.CSV, "userId,email\r\n\r\nu1,u1@example.com\r\nu2,nope\r\n"));

    assertThat(entries).hasSize(2);
    assertThat(entries.get(0)).isInstanceOf(RecordReader.Accepted.class).extracting(RecordReader.Entry::line).isEqualTo(3L);
    assertThat(entries.get(1)).isEqualTo(new RecordReader.Rejected(4, "field 'email' must be a well-formed email address"));
  }

  @Test
  void givesEachAcceptedRecordItsIdAndCreationTimeOnce() throws IOException {
    RecordReader.Accepted accepted = (RecordReader.Accepted) drain(open(Format.NDJSON,
        "{\"restaurantId\":null,\"name\":\"A\",\"city\":\"B\",\"cuisine\":\"C\",\"address\":\"D\",\"priceLevel\":1}", RecordType.RESTAURANTS)).get(0);

    RestaurantRecord record = (RestaurantRecord) accepted.record();
    assertThat(record.restaurantId()).hasSize(36);
    assertThat(record.createdAt()).isNotNull();
    assertThat(record.prepared(java.time.Instant.EPOCH)).isEqualTo(record);
  }

  @Test
  void refusesAHeaderWithoutTheRequiredColumns() {
    assertThatThrownBy(() -> open(Format.CSV, "userId,mail\nu1,x\n"))
        .isInstanceOf(InvalidHeaderException.class)
        .hasMessageContaining("missing email")
        .hasMessageContaining("unknown mail")
        .hasMessageContaining("required userId, email");
  }

  private static RecordReader open(Format format, String body) throws IOException {
    return open(format, body, RecordType.USERS);
  }

  private static RecordReader open(Format format, String body, RecordType type) throws IOException {
    return RecordReader.open(type, format, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
        EventFactory.plainValidator(), 64 * 1024, Clock.systemUTC());
  }

  private static List<RecordReader.Entry> drain(RecordReader reader) throws IOException {
    List<RecordReader.Entry> entries = new ArrayList<>();
    for (RecordReader.Entry entry; (entry = reader.next()) != null; ) {
      entries.add(entry);
    }
    return entries;
  }
}
