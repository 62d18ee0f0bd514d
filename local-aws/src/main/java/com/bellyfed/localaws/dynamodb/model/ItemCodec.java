package com.bellyfed.localaws.dynamodb.model;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A compact binary form of items, which is what the engine keeps in memory and in its log: an item
 * costs about its DynamoDB size plus a few bytes, where a tree of Java objects costs several times
 * that. Stored arrays are never changed, so a reader holding one needs no lock.
 */
public final class ItemCodec {

  private static final byte S = 1;
  private static final byte N = 2;
  private static final byte B = 3;
  private static final byte TRUE = 4;
  private static final byte FALSE = 5;
  private static final byte NULL = 6;
  private static final byte SS = 7;
  private static final byte NS = 8;
  private static final byte BS = 9;
  private static final byte L = 10;
  private static final byte M = 11;

  private ItemCodec() {}

  public static byte[] encode(Map<String, Value> item) {
    // About the item's DynamoDB size; a guess that grows as needed is cheaper than sizing the item first.
    Out out = new Out(64 + 48 * item.size());
    writeMap(out, item);
    return out.toByteArray();
  }

  public static Map<String, Value> decode(byte[] bytes) {
    return readMap(new In(bytes));
  }

  /** Decodes only the named top-level attributes: cheaper for key extraction and projections. */
  public static Value attribute(byte[] bytes, String name) {
    In in = new In(bytes);
    int count = in.varint();
    for (int i = 0; i < count; i++) {
      String attribute = in.string();
      if (attribute.equals(name)) {
        return readValue(in);
      }
      skipValue(in);
    }
    return null;
  }

  private static void writeMap(Out out, Map<String, Value> map) {
    out.varint(map.size());
    for (Map.Entry<String, Value> entry : map.entrySet()) {
      out.string(entry.getKey());
      writeValue(out, entry.getValue());
    }
  }

  private static void writeValue(Out out, Value value) {
    switch (value.type()) {
      case S -> {
        out.write(S);
        out.string(((Value.S) value).value());
      }
      case N -> {
        out.write(N);
        out.number(((Value.N) value).value());
      }
      case B -> {
        out.write(B);
        out.bytes(((Value.B) value).value().unsafeArray());
      }
      case BOOL -> out.write(((Value.Bool) value).value() ? TRUE : FALSE);
      case NULL -> out.write(NULL);
      case SS -> {
        out.write(SS);
        Set<String> set = ((Value.SS) value).values();
        out.varint(set.size());
        set.forEach(out::string);
      }
      case NS -> {
        out.write(NS);
        Set<BigDecimal> set = ((Value.NS) value).values();
        out.varint(set.size());
        set.forEach(out::number);
      }
      case BS -> {
        out.write(BS);
        Set<Bytes> set = ((Value.BS) value).values();
        out.varint(set.size());
        set.forEach(element -> out.bytes(element.unsafeArray()));
      }
      case L -> {
        out.write(L);
        List<Value> list = ((Value.L) value).values();
        out.varint(list.size());
        list.forEach(element -> writeValue(out, element));
      }
      case M -> {
        out.write(M);
        writeMap(out, ((Value.M) value).values());
      }
    }
  }

  private static Map<String, Value> readMap(In in) {
    int count = in.varint();
    Map<String, Value> map = new LinkedHashMap<>(count * 4 / 3 + 1);
    for (int i = 0; i < count; i++) {
      String name = in.string();
      map.put(name, readValue(in));
    }
    return map;
  }

  private static Value readValue(In in) {
    byte tag = in.read();
    switch (tag) {
      case S:
        return new Value.S(in.string());
      case N:
        return new Value.N(in.number());
      case B:
        return new Value.B(Bytes.wrap(in.bytes()));
      case TRUE:
        return Value.Bool.TRUE;
      case FALSE:
        return Value.Bool.FALSE;
      case NULL:
        return Value.Null.INSTANCE;
      case SS: {
        int count = in.varint();
        Set<String> set = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
          set.add(in.string());
        }
        return new Value.SS(set);
      }
      case NS: {
        int count = in.varint();
        Set<BigDecimal> set = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
          set.add(in.number());
        }
        return new Value.NS(set);
      }
      case BS: {
        int count = in.varint();
        Set<Bytes> set = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
          set.add(Bytes.wrap(in.bytes()));
        }
        return new Value.BS(set);
      }
      case L: {
        int count = in.varint();
        List<Value> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          list.add(readValue(in));
        }
        return new Value.L(list);
      }
      case M:
        return new Value.M(readMap(in));
      default:
        throw new IllegalStateException("Corrupt item encoding: tag " + tag);
    }
  }

  private static void skipValue(In in) {
    byte tag = in.read();
    switch (tag) {
      case S, B, N -> in.skip(in.varint());
      case TRUE, FALSE, NULL -> {}
      case SS, NS, BS -> {
        int count = in.varint();
        for (int i = 0; i < count; i++) {
          in.skip(in.varint());
        }
      }
      case L -> {
        int count = in.varint();
        for (int i = 0; i < count; i++) {
          skipValue(in);
        }
      }
      case M -> {
        int count = in.varint();
        for (int i = 0; i < count; i++) {
          in.skip(in.varint());
          skipValue(in);
        }
      }
      default -> throw new IllegalStateException("Corrupt item encoding: tag " + tag);
    }
  }

  /** Numbers as scale and unscaled two's-complement bytes, together length-prefixed so they can be skipped. */
  private static final class Out extends ByteArrayOutputStream {

    Out(int size) {
      super(size);
    }

    void varint(int value) {
      while ((value & ~0x7F) != 0) {
        write((value & 0x7F) | 0x80);
        value >>>= 7;
      }
      write(value);
    }

    void string(String text) {
      bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    void bytes(byte[] bytes) {
      varint(bytes.length);
      write(bytes, 0, bytes.length);
    }

    void number(BigDecimal number) {
      byte[] unscaled = number.unscaledValue().toByteArray();
      int scale = number.scale();
      int zigzag = (scale << 1) ^ (scale >> 31);
      int scaleLength = varintLength(zigzag);
      varint(scaleLength + unscaled.length);
      varint(zigzag);
      write(unscaled, 0, unscaled.length);
    }

    private static int varintLength(int value) {
      int length = 1;
      while ((value & ~0x7F) != 0) {
        length++;
        value >>>= 7;
      }
      return length;
    }
  }

  private static final class In {
    private final byte[] bytes;
    private int position;

    In(byte[] bytes) {
      this.bytes = bytes;
    }

    byte read() {
      return bytes[position++];
    }

    int varint() {
      int value = 0;
      int shift = 0;
      while (true) {
        byte b = bytes[position++];
        value |= (b & 0x7F) << shift;
        if (b >= 0) {
          return value;
        }
        shift += 7;
      }
    }

    void skip(int length) {
      position += length;
    }

    String string() {
      int length = varint();
      String text = new String(bytes, position, length, StandardCharsets.UTF_8);
      position += length;
      return text;
    }

    byte[] bytes() {
      int length = varint();
      byte[] copy = java.util.Arrays.copyOfRange(bytes, position, position + length);
      position += length;
      return copy;
    }

    BigDecimal number() {
      int length = varint();
      int end = position + length;
      int zigzag = varint();
      int scale = (zigzag >>> 1) ^ -(zigzag & 1);
      BigInteger unscaled = new BigInteger(bytes, position, end - position);
      position = end;
      return new BigDecimal(unscaled, scale);
    }
  }
}
