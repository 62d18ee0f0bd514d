package com.bellyfed.localaws.dynamodb.requests;

/**
 * One operation's validation: its input shape, the checks AWS makes before the member constraints
 * ({@code first}: table names of the table operations, resource ARNs of the tagging ones) and its own
 * rules after them ({@code rules}). {@code reference} is the API Reference page of its constraints.
 */
record Operation(String name, Struct input, Rules first, Rules rules, String reference) {

  static final String API_REFERENCE = "https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_";

  static Operation of(String name, Struct input, Rules first, Rules rules) {
    return new Operation(name, input, first, rules, API_REFERENCE + name + ".html");
  }
}
