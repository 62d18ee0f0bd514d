package com.bellyfed.localaws.dynamodb.model;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Item and attribute sizes by AWS's rules
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html):
 * names and strings in UTF-8 bytes, binaries in raw bytes, numbers about one byte per two significant
 * digits plus one, BOOL and NULL one byte, lists and maps 3 bytes plus one byte per element.
 */
public final class Sizes {

  /** 400 KB, the largest item. */
  public static final int MAX_ITEM = 400 * 1024;

  private Sizes() {}

  public static int item(Map<String, Value> item) {
    int size = 0;
    for (Map.Entry<String, Value> attribute : item.entrySet()) {
      size += utf8Length(attribute.getKey()) + value(attribute.getValue());
    }
    return size;
  }

  public static int value(Value value) {
    switch (value.type()) {
      case S:
        return utf8Length(((Value.S) value).value());
      case N:
        return number(((Value.N) value).value());
      case B:
        return ((Value.B) value).value().length();
      case BOOL:
      case NULL:
        return 1;
      case SS: {
        int size = 0;
        for (String element : ((Value.SS) value).values()) {
          size += utf8Length(element);
        }
        return size;
      }
      case NS: {
        int size = 0;
        for (BigDecimal element : ((Value.NS) value).values()) {
          size += number(element);
        }
        return size;
      }
      case BS: {
        int size = 0;
        for (Bytes element : ((Value.BS) value).values()) {
          size += element.length();
        }
        return size;
      }
      case L: {
        int size = 3;
        for (Value element : ((Value.L) value).values()) {
          size += 1 + value(element);
        }
        return size;
      }
      case M: {
        Map<String, Value> map = ((Value.M) value).values();
        return 3 + map.size() + item(map);
      }
      default:
        throw new IllegalStateException("Unknown type " + value.type());
    }
  }

  /** One byte per two significant digits, one more for the exponent, one more for a negative sign. */
  public static int number(BigDecimal normal) {
    if (normal.signum() == 0) {
      return 1;
    }
    int digits = normal.precision();
    int exponent = Numbers.exponent(normal);
    int size = 1 + (digits + 1) / 2;
    if (digits % 2 == 0 && exponent % 2 == 0) {
      size++;
    }
    return normal.signum() < 0 ? size + 1 : size;
  }

  public static int utf8Length(String text) {
    int length = text.length();
    int bytes = length;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        if (c < 0x800) {
          bytes++;
        } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
          bytes += 2;
          i++;
        } else {
          bytes += 2;
        }
      }
    }
    return bytes;
  }

  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
