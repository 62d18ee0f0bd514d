package com.bellyfed.benchmarks.localaws;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message bodies and event details of a given size that carry their send time. The time is found
 * by a pattern rather than a JSON parser, so that the receivers' own cost stays out of the latency.
 */
final class Payloads {

  private static final Pattern SENT = Pattern.compile("\"sentNanos\":(-?\\d+)");

  private final String padding;

  Payloads(int bytes) {
    this.padding = "x".repeat(bytes);
  }

  /** A JSON object of about {@code bytes} characters; {@code sentNanos} is a {@link System#nanoTime()}. */
  String json(long seq, long sentNanos) {
    String head = "{\"seq\":" + seq + ",\"sentNanos\":" + sentNanos + ",\"pad\":\"";
    int pad = Math.max(0, padding.length() - head.length() - 2);
    return head + padding.substring(0, pad) + "\"}";
  }

  /** {@code count} details for one PutEvents call, numbered from {@code call * count}. */
  List<String> batch(long call, int count) {
    List<String> details = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      details.add(json(call * count + i, System.nanoTime()));
    }
    return details;
  }

  /** The send time in a body, which may be the payload itself or an event that wraps it. */
  static OptionalLong sentNanos(String body) {
    Matcher matcher = SENT.matcher(body);
    return matcher.find() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
  }
}
