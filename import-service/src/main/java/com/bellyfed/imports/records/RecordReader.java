package com.bellyfed.imports.records;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Reads an import body record by record, one line at a time: NDJSON lines with Jackson's streaming
 * parser, CSV rows with jackson-dataformat-csv against the header row. Each record is checked
 * against its type's bean-validation rules; a bad one becomes a {@link Rejected} entry with its line
 * number and never stops the others. Memory stays at one line, whatever the size of the body.
 *
 * <p>CSV records are one per line: a quoted value cannot span lines (the line number of every
 * record is then exact, and an over-long line cannot swallow the rest of the file).
 *
 * <p>A line must be UTF-8 without control characters other than tab and CR ({@link LineText}): neither
 * parser would otherwise say so (jackson-dataformat-csv decodes an encoded surrogate, keeps a NUL in a
 * quoted value and trims control characters off an unquoted one), so the record would be stored changed.
 * Formula-like values ({@code =1+1}, {@code +1}, {@code -1}, {@code @SUM(A1)}) are plain text here and are
 * stored as given: CSV injection is a matter for whoever writes CSV out, not for the store.
 */
public final class RecordReader {

  /** One line's outcome. */
  public sealed interface Entry permits Accepted, Rejected {
    long line();
  }

  /** A valid record, prepared (id and creation time filled in). */
  public record Accepted(long line, ImportRecord record) implements Entry {}

  /** A record that was not imported, and why. */
  public record Rejected(long line, String reason) implements Entry {}

  private static final int MAX_REASON = 300;
  private static final CsvMapper CSV =
      CsvMapper.builder().enable(CsvReadFeature.EMPTY_STRING_AS_NULL).enable(CsvReadFeature.TRIM_SPACES).build();

  private final RecordType type;
  private final Format format;
  private final LineReader lines;
  private final Validator validator;
  private final Clock clock;
  private final JsonMapper json;
  private final ObjectReader jsonReader;
  private @Nullable ObjectReader csvReader;
  private @Nullable List<String> header;
  private final int maxLineBytes;
  private final LineText text;

  private RecordReader(RecordType type, Format format, LineReader lines, JsonMapper json, Validator validator, Clock clock, int maxLineBytes) {
    this.maxLineBytes = maxLineBytes;
    this.text = new LineText(maxLineBytes);
    this.type = type;
    this.format = format;
    this.lines = lines;
    this.validator = validator;
    this.clock = clock;
    this.json = json;
    // A record is strict whatever the mapper's defaults: no unknown field, no 2.5 for an integer.
    this.jsonReader = json.readerFor(type.recordClass())
        .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
  }

  /**
   * Opens a body; for CSV, reads and checks the header row at once.
   *
   * @throws InvalidHeaderException when the CSV header does not fit the type, saying what it expects
   */
  public static RecordReader open(
      RecordType type, Format format, InputStream body, JsonMapper json, Validator validator, int maxLineBytes, Clock clock)
      throws IOException {
    RecordReader reader = new RecordReader(type, format, new LineReader(body, maxLineBytes), json, validator, clock, maxLineBytes);
    if (format == Format.CSV) {
      reader.readHeader();
    }
    return reader;
  }

  /** {@link #open(RecordType, Format, InputStream, JsonMapper, Validator, int, Clock)} outside Spring (the CLI, benchmarks). */
  public static RecordReader open(
      RecordType type, Format format, InputStream body, Validator validator, int maxLineBytes, Clock clock)
      throws IOException {
    return open(type, format, body, JsonMapper.shared(), validator, maxLineBytes, clock);
  }

  /** The next entry; null at the end of the body. */
  public @Nullable Entry next() throws IOException {
    LineReader.Line line;
    do {
      line = lines.next();
      if (line == null) {
        return null;
      }
    } while (!line.overLong() && isBlank(line));
    if (line.overLong()) {
      return new Rejected(line.number(), "line is longer than the limit of " + limitOf() + " bytes");
    }
    String unreadable = text.problem(line);
    if (unreadable != null) {
      return new Rejected(line.number(), unreadable);
    }
    return read(line);
  }

  /** Bytes of the body read so far. */
  public long bytesRead() {
    return lines.bytesRead();
  }

  private void readHeader() throws IOException {
    LineReader.Line line = lines.next();
    if (line == null || isBlank(line)) {
      throw new InvalidHeaderException(expected("the body is empty"));
    }
    if (line.overLong()) {
      throw new InvalidHeaderException(expected("the header row is longer than " + limitOf() + " bytes"));
    }
    List<String> names;
    try {
      String[] row;
      try (MappingIterator<String[]> rows = CSV.readerFor(String[].class).with(CsvReadFeature.WRAP_AS_ARRAY)
          .readValues(line.bytes(), 0, line.length())) {
        row = rows.next();
      }
      names = Arrays.stream(row)
          .map(name -> name == null ? "" : name.strip())
          .toList();
    } catch (JacksonException e) {
      throw new InvalidHeaderException(expected("the header row is not CSV: " + e.getOriginalMessage()));
    }
    Set<String> seen = new HashSet<>();
    List<String> duplicates = names.stream().filter(name -> !seen.add(name)).toList();
    List<String> unknown = names.stream().filter(name -> !type.columns().contains(name)).toList();
    List<String> missing = type.requiredColumns().stream().filter(name -> !names.contains(name)).toList();
    if (!duplicates.isEmpty() || !unknown.isEmpty() || !missing.isEmpty()) {
      List<String> problems = new ArrayList<>();
      if (!missing.isEmpty()) {
        problems.add("missing " + String.join(", ", missing));
      }
      if (!unknown.isEmpty()) {
        problems.add("unknown " + String.join(", ", unknown));
      }
      if (!duplicates.isEmpty()) {
        problems.add("repeated " + String.join(", ", duplicates));
      }
      throw new InvalidHeaderException(expected("the header row has " + String.join("; ", problems)));
    }
    header = names;
    CsvSchema.Builder schema = CsvSchema.builder();
    names.forEach(schema::addColumn);
    csvReader = CSV.readerFor(Map.class).with(schema.build()).with(CsvReadFeature.FAIL_ON_MISSING_COLUMNS);
  }

  private String expected(String problem) {
    List<String> optional = type.columns().stream().filter(column -> !type.requiredColumns().contains(column)).toList();
    return problem + ". Expected a header row naming the columns of " + type.parameter() + ": required "
        + String.join(", ", type.requiredColumns()) + "; optional " + String.join(", ", optional);
  }

  private Entry read(LineReader.Line line) {
    ImportRecord record;
    try {
      record = format == Format.NDJSON ? jsonReader.readValue(line.bytes(), 0, line.length()) : fromCsv(line);
    } catch (StreamConstraintsException beyondLimits) {
      // Jackson's own limits (numbers of over 1,000 digits, nesting over 500 levels, ...): named as such, not as a bad record.
      return new Rejected(line.number(), truncate("beyond the parser's limits: " + beyondLimits.getOriginalMessage()));
    } catch (UnrecognizedPropertyException unknown) {
      return new Rejected(line.number(), "field '" + unknown.getPropertyName() + "' is not a field of " + type.parameter()
          + " (known: " + String.join(", ", type.columns()) + ")");
    } catch (StreamReadException malformed) {
      return new Rejected(line.number(), truncate((format == Format.NDJSON ? "malformed JSON: " : "malformed CSV: ") + malformed.getOriginalMessage()));
    } catch (JacksonException invalid) {
      String field = invalid.getPath().stream().map(JacksonException.Reference::getPropertyName).filter(name -> name != null)
          .collect(Collectors.joining("."));
      return new Rejected(line.number(), truncate(field.isEmpty()
          ? "not a " + type.parameter() + " record: " + invalid.getOriginalMessage()
          : "field '" + field + "' has an invalid value: " + firstLine(invalid.getOriginalMessage())));
    }
    if (record == null) {
      return new Rejected(line.number(), "not a " + type.parameter() + " record: null");
    }
    List<ConstraintViolation<?>> violations = new ArrayList<>(validator.validate(record));
    Object shared = record.shared();
    if (shared != null) {
      violations.addAll(validator.validate(shared));
    }
    if (!violations.isEmpty()) {
      return new Rejected(line.number(), truncate(violations.stream()
          .map(violation -> "field '" + fieldOf(violation) + "' " + violation.getMessage())
          .distinct()
          .sorted(Comparator.naturalOrder())
          .collect(Collectors.joining("; "))));
    }
    return new Accepted(line.number(), record.prepared(clock.instant()));
  }

  private ImportRecord fromCsv(LineReader.Line line) {
    Map<String, @Nullable Object> row = new LinkedHashMap<>(csvReaderOrFail().<Map<String, Object>>readValue(line.bytes(), 0, line.length()));
    if (row.get("tags") instanceof String tags) {
      // One column holds the list, separated by '|'.
      row.put("tags", Arrays.stream(tags.split("\\|")).map(String::strip).filter(tag -> !tag.isEmpty()).toList());
    }
    return jsonReader.readValue(json.<JsonNode>valueToTree(row));
  }

  private ObjectReader csvReaderOrFail() {
    if (csvReader == null || header == null) {
      throw new IllegalStateException("CSV header not read");
    }
    return csvReader;
  }

  /** The field as the record names it: a flat record has {@code lat} where the shared listing has {@code geo.lat}. */
  private static String fieldOf(ConstraintViolation<?> violation) {
    String path = violation.getPropertyPath().toString().replace(".<list element>", "");
    return switch (path) {
      case "geoComplete", "geoFinite", "geo.lat" -> "lat";
      case "geo.lon" -> "lon";
      default -> path;
    };
  }

  private static boolean isBlank(LineReader.Line line) {
    for (int i = 0; i < line.length(); i++) {
      byte b = line.bytes()[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  private String limitOf() {
    return Integer.toString(maxLineBytes);
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static String truncate(String reason) {
    return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON) + "...";
  }
}
