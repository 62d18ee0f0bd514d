package com.bellyfed.imports.records;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of record an import can carry, each with its table, schema and CSV columns. */
public enum RecordType {
  RESTAURANTS("restaurants", RestaurantRecord.class, RestaurantRecord.COLUMNS, List.of("name", "city", "cuisine", "address")),
  REVIEWS("reviews", ReviewRecord.class, ReviewRecord.COLUMNS, List.of("restaurantId", "userId", "rating")),
  USERS("users", UserRecord.class, UserRecord.COLUMNS, List.of("userId", "email"));

  private final String parameter;
  private final Class<? extends ImportRecord> recordClass;
  private final List<String> columns;
  private final List<String> requiredColumns;

  RecordType(String parameter, Class<? extends ImportRecord> recordClass, List<String> columns, List<String> requiredColumns) {
    this.parameter = parameter;
    this.recordClass = recordClass;
    this.columns = columns;
    this.requiredColumns = requiredColumns;
  }

  /** The value of the {@code type} parameter, which is also the logical name of the table the records go to. */
  public String parameter() {
    return parameter;
  }

  public String table() {
    return parameter;
  }

  public Class<? extends ImportRecord> recordClass() {
    return recordClass;
  }

  public List<String> columns() {
    return columns;
  }

  public List<String> requiredColumns() {
    return requiredColumns;
  }

  public static Optional<RecordType> of(String parameter) {
    return Arrays.stream(values()).filter(type -> type.parameter.equals(parameter.toLowerCase(Locale.ROOT))).findFirst();
  }

  public static String known() {
    return Arrays.stream(values()).map(RecordType::parameter).collect(Collectors.joining(", "));
  }
}
