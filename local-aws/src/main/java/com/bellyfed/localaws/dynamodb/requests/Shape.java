package com.bellyfed.localaws.dynamodb.requests;

import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The declared shape of a request member, with the constraints AWS's validator checks on it. Shapes
 * are data: one walker reads them for the JSON types (SerializationException) and another for the
 * constraints (ValidationException).
 */
sealed interface Shape permits Shape.Str, Shape.Num, Shape.Bool, Shape.ListOf, Shape.MapOf, Shape.AttrValue, Struct {

  String MODEL_PACKAGE = "com.amazonaws.dynamodb.v20120810.";

  /** The Java type AWS's deserializer names in its messages, e.g. {@code java.lang.String}. */
  String javaType();

  /** A string; {@code values} is an enum's value set in the order AWS lists it, empty when any value goes. */
  record Str(@Nullable Integer min, @Nullable Integer max, @Nullable Pattern pattern, List<String> values) implements Shape {

    public Str {
      values = List.copyOf(values);
    }

    @Override
    public String javaType() {
      return "java.lang.String";
    }
  }

  /** A whole number, Integer or Long in AWS's model; decimals are truncated as AWS's reader does. */
  record Num(boolean isLong, @Nullable Long min, @Nullable Long max) implements Shape {

    @Override
    public String javaType() {
      return isLong ? "java.lang.Long" : "java.lang.Integer";
    }
  }

  record Bool() implements Shape {

    @Override
    public String javaType() {
      return "java.lang.Boolean";
    }
  }

  /** A list; {@code min} and {@code max} bound its number of members. */
  record ListOf(Shape member, @Nullable Integer min, @Nullable Integer max) implements Shape {

    @Override
    public String javaType() {
      return "java.util.List<" + member.javaType() + ">";
    }
  }

  /**
   * A map with string keys; {@code min} and {@code max} bound its number of entries. {@code renderedAsJson}
   * marks the one map AWS quotes as JSON rather than with Java's toString in its messages.
   */
  record MapOf(Str key, Shape value, @Nullable Integer min, @Nullable Integer max, boolean renderedAsJson) implements Shape {

    @Override
    public String javaType() {
      return "java.util.Map<java.lang.String, " + value.javaType() + ">";
    }
  }

  /** A DynamoDB attribute value, whose JSON and rules {@code ValueJson} knows. */
  record AttrValue() implements Shape {

    @Override
    public String javaType() {
      return MODEL_PACKAGE + "AttributeValue";
    }
  }
}
