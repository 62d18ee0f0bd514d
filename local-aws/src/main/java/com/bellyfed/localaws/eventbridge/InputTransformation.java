package com.bellyfed.localaws.eventbridge;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.NullNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a target receives: the whole event, a constant {@code Input}, the part an {@code InputPath}
 * selects, or an {@code InputTransformer} template filled from the event. Placeholders inside a
 * JSON string take the value's text; placeholders elsewhere take its JSON, as AWS documents.
 */
final class InputTransformation {

  private static final Pattern PLACEHOLDER = Pattern.compile("<([A-Za-z0-9_.\\-]+)>");

  private final ObjectMapper mapper;
  private final Configuration jsonPath;

  InputTransformation(ObjectMapper mapper) {
    this.mapper = mapper;
    this.jsonPath =
        Configuration.builder()
            .jsonProvider(new PlainJsonProvider(mapper))
            .options(Option.SUPPRESS_EXCEPTIONS)
            .build();
  }

  /** Checks a JSON path of a target at PutTargets time. */
  static void requireValidPath(String path, String field) {
    try {
      JsonPath.compile(path);
    } catch (InvalidPathException | IllegalArgumentException e) {
      throw EventBridgeException.validation("Parameter " + field + " is not valid: " + e.getMessage());
    }
  }

  String inputFor(Target target, Rule rule, JsonNode event, String eventJson, long ingestionMillis) {
    if (target.input() != null) {
      return target.input();
    }
    if (target.inputPath() != null) {
      return write(select(event, target.inputPath()));
    }
    if (target.inputTemplate() != null) {
      Map<String, JsonNode> values = new HashMap<>();
      if (target.inputPathsMap() != null) {
        target.inputPathsMap().forEach((name, path) -> values.put(name, select(event, path)));
      }
      values.put("aws.events.rule-arn", mapper.getNodeFactory().textNode(rule.arn()));
      values.put("aws.events.rule-name", mapper.getNodeFactory().textNode(rule.name()));
      values.put(
          "aws.events.event.ingestion-time",
          mapper.getNodeFactory().textNode(java.time.Instant.ofEpochMilli(ingestionMillis).toString()));
      values.put("aws.events.event", event);
      values.put("aws.events.event.json", mapper.getNodeFactory().textNode(eventJson));
      return fill(target.inputTemplate(), values);
    }
    return eventJson;
  }

  private JsonNode select(JsonNode event, String path) {
    Object value = JsonPath.using(jsonPath).parse(mapper.treeToValue(event, Object.class)).read(path);
    if (value == null) {
      return MissingNode.getInstance();
    }
    return mapper.valueToTree(value);
  }

  private String fill(String template, Map<String, JsonNode> values) {
    StringBuilder out = new StringBuilder(template.length() + 64);
    Matcher matcher = PLACEHOLDER.matcher(template);
    int last = 0;
    boolean inString = false;
    while (matcher.find()) {
      inString = quoteStateAfter(template, last, matcher.start(), inString);
      out.append(template, last, matcher.start());
      JsonNode value = values.get(matcher.group(1));
      if (value == null) {
        // Not a variable: AWS leaves unknown <text> as it is.
        out.append(matcher.group());
      } else if (inString) {
        out.append(textInsideString(value));
      } else {
        out.append(value.isMissingNode() ? "null" : write(value));
      }
      last = matcher.end();
    }
    out.append(template, last, template.length());
    return out.toString();
  }

  /** Whether position {@code to} lies inside a JSON string, given the state at {@code from}. */
  private static boolean quoteStateAfter(String text, int from, int to, boolean inString) {
    boolean state = inString;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '\\' && state) {
        i++;
      } else if (c == '"') {
        state = !state;
      }
    }
    return state;
  }

  private String textInsideString(JsonNode value) {
    if (value.isMissingNode() || value instanceof NullNode) {
      return "";
    }
    String text = value.isString() ? value.asString("") : write(value);
    String quoted = write(mapper.getNodeFactory().textNode(text));
    return quoted.substring(1, quoted.length() - 1);
  }

  private String write(JsonNode node) {
    if (node.isMissingNode()) {
      return "null";
    }
    try {
      return mapper.writeValueAsString(node);
    } catch (tools.jackson.core.JacksonException e) {
      throw new IllegalStateException(e);
    }
  }
}
