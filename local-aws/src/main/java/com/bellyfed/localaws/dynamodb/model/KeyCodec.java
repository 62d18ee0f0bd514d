package com.bellyfed.localaws.dynamodb.model;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/**
 * Keys as byte strings whose order is DynamoDB's order: strings by their UTF-8 bytes, binaries as
 * unsigned bytes, numbers by value. A stored key is a sequence of components, each a 2-byte length
 * and its bytes, compared component by component; the first is a hash of the partition key, so that
 * a scan walks partitions in hash order as AWS does and a parallel scan's segment is a hash range.
 */
public final class KeyCodec {

  /** Orders stored keys: component by component, each as unsigned bytes, a missing one first. */
  public static final Comparator<byte[]> ORDER = KeyCodec::compare;

  /** Longer than any encoded key component: the upper bound of "every sort key". */
  private static final byte[] MAX_COMPONENT = maxComponent();

  private KeyCodec() {}

  /** One key value in its order-preserving form. */
  public static byte[] encode(Value value) {
    return switch (value.type()) {
      case S -> ((Value.S) value).value().getBytes(StandardCharsets.UTF_8);
      case B -> ((Value.B) value).value().unsafeArray();
      case N -> number(((Value.N) value).value());
      default -> throw new IllegalArgumentException("Not a key type: " + value.type());
    };
  }

  /** The inverse of {@link #encode} for a value of the given type. */
  public static Value decode(Type type, byte[] bytes) {
    return switch (type) {
      case S -> new Value.S(new String(bytes, StandardCharsets.UTF_8));
      case B -> new Value.B(Bytes.wrap(bytes));
      case N -> new Value.N(decodeNumber(bytes));
      default -> throw new IllegalArgumentException("Not a key type: " + type);
    };
  }

  /** A 32-bit hash of an encoded partition key, as four big-endian bytes. */
  public static byte[] hash(byte[] partition) {
    int h = 0x811C9DC5;
    for (byte b : partition) {
      h ^= b & 0xFF;
      h *= 0x01000193;
    }
    // Final avalanche (murmur3's fmix32), so that near keys land far apart.
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    h ^= h >>> 16;
    return new byte[] {(byte) (h >>> 24), (byte) (h >>> 16), (byte) (h >>> 8), (byte) h};
  }

  /**
   * Joins components into one stored key. A component's length must fit its two bytes: key values
   * are checked against their size limits long before, and one that slipped through would otherwise
   * be stored under a length cut to 16 bits, corrupting the order of every key around it.
   */
  public static byte[] join(byte[]... components) {
    int length = 0;
    for (byte[] component : components) {
      if (component.length > 0xFFFF) {
        throw new IllegalArgumentException("A key component of " + component.length + " bytes does not fit a stored key");
      }
      length += 2 + component.length;
    }
    byte[] key = new byte[length];
    int position = 0;
    for (byte[] component : components) {
      key[position++] = (byte) (component.length >>> 8);
      key[position++] = (byte) component.length;
      System.arraycopy(component, 0, key, position, component.length);
      position += component.length;
    }
    return key;
  }

  /** A component greater than every encoded key value. */
  public static byte[] max() {
    return MAX_COMPONENT;
  }

  /** The component at {@code index} of a stored key. */
  public static byte[] component(byte[] key, int index) {
    int position = 0;
    for (int i = 0; i < index; i++) {
      position += 2 + length(key, position);
    }
    int length = length(key, position);
    return java.util.Arrays.copyOfRange(key, position + 2, position + 2 + length);
  }

  /** The number of bytes the first {@code count} components of a stored key take. */
  public static int componentsLength(byte[] key, int count) {
    int position = 0;
    for (int i = 0; i < count && position < key.length; i++) {
      position += 2 + length(key, position);
    }
    return position;
  }

  private static int length(byte[] key, int position) {
    return ((key[position] & 0xFF) << 8) | (key[position + 1] & 0xFF);
  }

  public static int compare(byte[] a, byte[] b) {
    int i = 0;
    int j = 0;
    while (true) {
      if (i >= a.length) {
        return j >= b.length ? 0 : -1;
      }
      if (j >= b.length) {
        return 1;
      }
      int la = length(a, i);
      int lb = length(b, j);
      int order = java.util.Arrays.compareUnsigned(a, i + 2, i + 2 + la, b, j + 2, j + 2 + lb);
      if (order != 0) {
        return order;
      }
      i += 2 + la;
      j += 2 + lb;
    }
  }

  /**
   * Sign, then exponent, then one byte per digit: negatives invert exponent and digits and end in a
   * marker above every digit, so that -5 sorts after -51 although it is a prefix of it.
   */
  static byte[] number(BigDecimal normal) {
    int signum = normal.signum();
    if (signum == 0) {
      return new byte[] {1};
    }
    String digits = normal.unscaledValue().abs().toString();
    int exponent = Numbers.exponent(normal) + 130;
    byte[] bytes = new byte[2 + digits.length() + (signum < 0 ? 1 : 0)];
    bytes[0] = (byte) (signum > 0 ? 2 : 0);
    bytes[1] = (byte) (signum > 0 ? exponent : 255 - exponent);
    for (int i = 0; i < digits.length(); i++) {
      int digit = digits.charAt(i) - '0';
      bytes[2 + i] = (byte) (signum > 0 ? digit + 1 : 10 - digit);
    }
    if (signum < 0) {
      bytes[bytes.length - 1] = 11;
    }
    return bytes;
  }

  static BigDecimal decodeNumber(byte[] bytes) {
    if (bytes[0] == 1) {
      return BigDecimal.ZERO;
    }
    boolean positive = bytes[0] == 2;
    int exponent = (positive ? bytes[1] & 0xFF : 255 - (bytes[1] & 0xFF)) - 130;
    int count = bytes.length - 2 - (positive ? 0 : 1);
    StringBuilder digits = new StringBuilder(count + 1);
    if (!positive) {
      digits.append('-');
    }
    for (int i = 0; i < count; i++) {
      int code = bytes[2 + i] & 0xFF;
      digits.append((char) ('0' + (positive ? code - 1 : 10 - code)));
    }
    // digits d1 d2 ... dn with d1 at 10^exponent: unscaled value times 10^(exponent - n + 1).
    return new BigDecimal(new java.math.BigInteger(digits.toString()), count - 1 - exponent);
  }

  private static byte[] maxComponent() {
    byte[] max = new byte[4096];
    java.util.Arrays.fill(max, (byte) 0xFF);
    return max;
  }
}
