package com.bellyfed.localaws.dynamodb.requests;

import tools.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Stage 2: member constraints (required members, lengths, ranges, enums, patterns), walked depth
 * first: a member's own constraints, then its children. Paths name members as AWS does:
 * {@code keySchema.1.member.attributeName}, {@code requestItems.Table.member.keys}.
 */
final class Constraints {

  private final Violations violations = new Violations();

  private Constraints() {}

  /** Checks the body and throws AWS's ValidationException listing what fails. */
  static void check(Struct input, JsonNode body) {
    Constraints constraints = new Constraints();
    constraints.struct(input, body, "");
    constraints.violations.throwIfAny();
  }

  private void struct(Struct struct, JsonNode node, String path) {
    for (Member member : struct.validationOrder()) {
      if (violations.full()) {
        return;
      }
      String memberPath = path.isEmpty() ? member.pathName() : path + "." + member.pathName();
      JsonNode value = Json.member(node, member.name());
      if (value == null) {
        if (member.required()) {
          violations.add(null, memberPath, "Member must not be null");
        }
        continue;
      }
      value(member.shape(), value, memberPath, true);
    }
  }

  /** {@code ownConstraints} is false for a map's values, whose constraints AWS reports on the map. */
  private void value(Shape shape, JsonNode node, String path, boolean ownConstraints) {
    if (shape instanceof Shape.Str string) {
      if (ownConstraints) {
        for (String failed : string(string, node.stringValue(null))) {
          violations.add(node.stringValue(null), path, failed);
        }
      }
    } else if (shape instanceof Shape.Num number) {
      number(number, node, path);
    } else if (shape instanceof Shape.ListOf list) {
      if (ownConstraints) {
        for (String failed : length(list.min(), list.max(), node.size())) {
          violations.add(Rendering.render(list, node), path, failed);
        }
      }
      int index = 1;
      for (JsonNode member : node) {
        if (!member.isNull()) {
          value(list.member(), member, path + "." + index + ".member", true);
        }
        index++;
      }
    } else if (shape instanceof Shape.MapOf map) {
      map(map, node, path);
    } else if (shape instanceof Struct struct) {
      struct(struct, node, path);
    }
  }

  private void number(Shape.Num shape, JsonNode node, String path) {
    BigInteger value = Json.wholeNumber(node);
    if (shape.min() != null && value.compareTo(BigInteger.valueOf(shape.min())) < 0) {
      violations.add(value.toString(), path, "Member must have value greater than or equal to " + shape.min());
    }
    if (shape.max() != null && value.compareTo(BigInteger.valueOf(shape.max())) > 0) {
      violations.add(value.toString(), path, "Member must have value less than or equal to " + shape.max());
    }
  }

  private void map(Shape.MapOf map, JsonNode node, String path) {
    // Rendered only for a violation: an Item of a million values must not become a string on every request.
    List<String> lengthFailures = length(map.min(), map.max(), node.size());
    String rendered = lengthFailures.isEmpty() ? null : Rendering.render(map, node);
    for (String failed : lengthFailures) {
      violations.add(rendered, path, failed);
    }
    boolean badKey = false;
    boolean badValue = false;
    for (Iterator<Map.Entry<String, JsonNode>> entries = node.properties().iterator(); entries.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = entries.next();
      badKey |= !string(map.key(), entry.getKey()).isEmpty();
      badValue |= !entry.getValue().isNull() && !leafConstraints(map.value(), entry.getValue()).isEmpty();
    }
    if ((badKey || badValue) && rendered == null) {
      rendered = Rendering.render(map, node);
    }
    if (badKey) {
      violations.add(rendered, path, "Map keys must satisfy constraint: " + describe(map.key()));
    }
    if (badValue) {
      violations.add(rendered, path, "Map value must satisfy constraint: " + describe(map.value()));
    }
    for (Iterator<Map.Entry<String, JsonNode>> entries = node.properties().iterator(); entries.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = entries.next();
      if (!entry.getValue().isNull()) {
        value(map.value(), entry.getValue(), path + "." + entry.getKey() + ".member", false);
      }
    }
  }

  /** The failed constraints of a string, in the order AWS reports them. */
  private static List<String> string(Shape.Str shape, String value) {
    List<String> failed = new ArrayList<>(2);
    if (!shape.values().isEmpty() && !shape.values().contains(value)) {
      failed.add("Member must satisfy enum value set: [" + String.join(", ", shape.values()) + "]");
    }
    if (shape.pattern() != null && !shape.pattern().matcher(value).matches()) {
      failed.add("Member must satisfy regular expression pattern: " + shape.pattern().pattern());
    }
    failed.addAll(length(shape.min(), shape.max(), value.length()));
    return failed;
  }

  private static List<String> length(@Nullable Integer min, @Nullable Integer max, int length) {
    if (min != null && length < min) {
      return List.of("Member must have length greater than or equal to " + min);
    }
    if (max != null && length > max) {
      return List.of("Member must have length less than or equal to " + max);
    }
    return List.of();
  }

  /** The constraints a map checks on its values themselves (not on what they contain). */
  private static List<String> leafConstraints(Shape shape, JsonNode value) {
    if (shape instanceof Shape.Str string) {
      return string(string, value.stringValue(null));
    }
    if (shape instanceof Shape.ListOf list) {
      return length(list.min(), list.max(), value.size());
    }
    return List.of();
  }

  /** A map's key or value constraints as AWS lists them: upper length bound, lower, then pattern. */
  private static String describe(Shape shape) {
    List<String> constraints = new ArrayList<>(3);
    Integer min = null;
    Integer max = null;
    String pattern = null;
    if (shape instanceof Shape.Str string) {
      min = string.min();
      max = string.max();
      pattern = string.pattern() == null ? null : string.pattern().pattern();
    } else if (shape instanceof Shape.ListOf list) {
      min = list.min();
      max = list.max();
    }
    if (max != null) {
      constraints.add("Member must have length less than or equal to " + max);
    }
    if (min != null) {
      constraints.add("Member must have length greater than or equal to " + min);
    }
    if (pattern != null) {
      constraints.add("Member must satisfy regular expression pattern: " + pattern);
    }
    return "[" + String.join(", ", constraints) + "]";
  }
}
