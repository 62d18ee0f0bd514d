package com.bellyfed.localaws.dynamodb.model;

import java.util.Arrays;
import java.util.Base64;

/** An immutable byte string that compares as unsigned bytes, as DynamoDB orders binary values. */
public final class Bytes implements Comparable<Bytes> {

  private final byte[] bytes;
  private int hash;

  private Bytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Takes the array as it is: the caller hands it over and must not change it afterwards. */
  public static Bytes wrap(byte[] bytes) {
    return new Bytes(bytes);
  }

  public static Bytes copyOf(byte[] bytes) {
    return new Bytes(bytes.clone());
  }

  public int length() {
    return bytes.length;
  }

  public byte at(int index) {
    return bytes[index];
  }

  /** The bytes themselves, not a copy: for encoders that only read them. */
  public byte[] unsafeArray() {
    return bytes;
  }

  public byte[] toArray() {
    return bytes.clone();
  }

  public String base64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  public boolean startsWith(Bytes prefix) {
    return prefix.bytes.length <= bytes.length
        && Arrays.equals(bytes, 0, prefix.bytes.length, prefix.bytes, 0, prefix.bytes.length);
  }

  /**
   * Whether {@code part} occurs anywhere in these bytes, by Knuth-Morris-Pratt: linear in both
   * lengths, where trying each start in turn costs their product (a 400 KB binary and a 200 KB part
   * that almost match everywhere: seconds per item a filter looks at).
   */
  public boolean contains(Bytes part) {
    byte[] pattern = part.bytes;
    if (pattern.length == 0) {
      return true;
    }
    int[] fallback = new int[pattern.length];
    for (int i = 1, k = 0; i < pattern.length; i++) {
      while (k > 0 && pattern[i] != pattern[k]) {
        k = fallback[k - 1];
      }
      if (pattern[i] == pattern[k]) {
        k++;
      }
      fallback[i] = k;
    }
    for (int i = 0, k = 0; i < bytes.length; i++) {
      while (k > 0 && bytes[i] != pattern[k]) {
        k = fallback[k - 1];
      }
      if (bytes[i] == pattern[k] && ++k == pattern.length) {
        return true;
      }
    }
    return false;
  }

  @Override
  public int compareTo(Bytes other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Bytes that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = Arrays.hashCode(bytes);
      hash = h;
    }
    return h;
  }

  @Override
  public String toString() {
    return "Bytes[" + base64() + "]";
  }
}
