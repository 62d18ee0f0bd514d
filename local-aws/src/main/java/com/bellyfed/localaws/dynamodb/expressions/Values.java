package com.bellyfed.localaws.dynamodb.expressions;

import com.bellyfed.localaws.dynamodb.model.Bytes;
import com.bellyfed.localaws.dynamodb.model.Type;
import com.bellyfed.localaws.dynamodb.model.Value;
import java.math.BigDecimal;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * How conditions compare values
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html):
 * only strings, numbers and binaries are ordered, strings by their UTF-8 bytes, binaries as unsigned
 * bytes; values of different types are never equal and never ordered.
 */
final class Values {

  private Values() {}

  static boolean orderable(Value a, Value b) {
    Type type = a.type();
    return type == b.type() && (type == Type.S || type == Type.N || type == Type.B);
  }

  /** Compares two values of the same orderable type. */
  static int compare(Value a, Value b) {
    return switch (a.type()) {
      case S -> compareUtf8(((Value.S) a).value(), ((Value.S) b).value());
      case N -> ((Value.N) a).value().compareTo(((Value.N) b).value());
      case B -> ((Value.B) a).value().compareTo(((Value.B) b).value());
      default -> throw new IllegalArgumentException("Not an ordered type: " + a.type());
    };
  }

  /**
   * UTF-8 byte order, which is code point order. UTF-16 order differs only where a surrogate pair
   * (a code point above U+FFFF) meets a character from U+E000 to U+FFFF, so those are remapped.
   */
  static int compareUtf8(String a, String b) {
    int length = Math.min(a.length(), b.length());
    for (int i = 0; i < length; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        return remap(x) - remap(y);
      }
    }
    return a.length() - b.length();
  }

  private static int remap(char c) {
    if (c < 0xD800) {
      return c;
    }
    return c < 0xE000 ? c + 0x2000 : c - 0x800;
  }

  /** contains(): a substring of a string, a subsequence of a binary, an element of a set or a list. */
  static boolean contains(@Nullable Value container, @Nullable Value element) {
    if (container == null || element == null) {
      return false;
    }
    return switch (container.type()) {
      case S -> element instanceof Value.S part && containsText(((Value.S) container).value(), part.value());
      case B -> element instanceof Value.B part && ((Value.B) container).value().contains(part.value());
      case SS -> element instanceof Value.S member && ((Value.SS) container).values().contains(member.value());
      case NS -> element instanceof Value.N member && ((Value.NS) container).values().contains(member.value());
      case BS -> element instanceof Value.B member && ((Value.BS) container).values().contains(member.value());
      case L -> ((Value.L) container).values().contains(element);
      default -> false;
    };
  }

  /**
   * A substring search linear in both lengths (Knuth-Morris-Pratt): String.contains tries each start in
   * turn, which for a 400 KB string and a 200 KB part that almost match everywhere takes seconds.
   */
  private static boolean containsText(String text, String part) {
    if (part.isEmpty()) {
      return true;
    }
    int[] fallback = new int[part.length()];
    for (int i = 1, k = 0; i < part.length(); i++) {
      while (k > 0 && part.charAt(i) != part.charAt(k)) {
        k = fallback[k - 1];
      }
      if (part.charAt(i) == part.charAt(k)) {
        k++;
      }
      fallback[i] = k;
    }
    for (int i = 0, k = 0; i < text.length(); i++) {
      while (k > 0 && text.charAt(i) != part.charAt(k)) {
        k = fallback[k - 1];
      }
      if (text.charAt(i) == part.charAt(k) && ++k == part.length()) {
        return true;
      }
    }
    return false;
  }

  /** begins_with(): a string prefix of a string, a byte prefix of a binary. */
  static boolean beginsWith(@Nullable Value value, @Nullable Value prefix) {
    if (value instanceof Value.S string && prefix instanceof Value.S start) {
      return string.value().startsWith(start.value());
    }
    if (value instanceof Value.B binary && prefix instanceof Value.B start) {
      return binary.value().startsWith(start.value());
    }
    return false;
  }

  /**
   * size(): a string's length in UTF-16 code units (as AWS counts: size of "é𝄞" is 3), a binary's
   * bytes, the elements of a set, list or map; nothing for numbers, booleans and null.
   */
  static Value.@Nullable N size(@Nullable Value value) {
    if (value == null) {
      return null;
    }
    int size;
    switch (value.type()) {
      case S -> size = ((Value.S) value).value().length();
      case B -> size = ((Value.B) value).value().length();
      case SS -> size = ((Value.SS) value).values().size();
      case NS -> size = ((Value.NS) value).values().size();
      case BS -> size = ((Value.BS) value).values().size();
      case L -> size = ((Value.L) value).values().size();
      case M -> size = ((Value.M) value).values().size();
      default -> {
        return null;
      }
    }
    return Value.N.of(size);
  }

  /** A value as AWS writes it in error messages: {@code AttributeValue: {N:10}}. */
  static String describe(Value value) {
    return "AttributeValue: {" + value.type().name() + ":" + text(value) + "}";
  }

  private static String text(Value value) {
    return switch (value.type()) {
      case S -> ((Value.S) value).value();
      case N -> ((Value.N) value).text();
      case B -> ((Value.B) value).value().base64();
      case BOOL -> String.valueOf(((Value.Bool) value).value());
      case NULL -> "true";
      case SS -> "[" + String.join(", ", ((Value.SS) value).values()) + "]";
      case NS -> {
        StringJoiner joined = new StringJoiner(", ", "[", "]");
        for (BigDecimal number : ((Value.NS) value).values()) {
          joined.add(number.toPlainString());
        }
        yield joined.toString();
      }
      case BS -> {
        StringJoiner joined = new StringJoiner(", ", "[", "]");
        for (Bytes bytes : ((Value.BS) value).values()) {
          joined.add(bytes.base64());
        }
        yield joined.toString();
      }
      case L, M -> value.toString();
    };
  }
}
