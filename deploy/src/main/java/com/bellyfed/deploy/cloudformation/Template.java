package com.bellyfed.deploy.cloudformation;

import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A CloudFormation template under construction, with the intrinsic functions the parts use. Logical ids
 * are derived from resource names, so that a resource keeps its id (and CloudFormation keeps the
 * resource) as long as its name stays.
 */
final class Template {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ObjectNode root = NODES.objectNode();
  private final ObjectNode parameters;
  private final ObjectNode conditions;
  private final ObjectNode resources;
  private final ObjectNode outputs;

  Template(String description) {
    root.put("AWSTemplateFormatVersion", "2010-09-09");
    root.put("Description", description);
    parameters = root.putObject("Parameters");
    conditions = root.putObject("Conditions");
    resources = root.putObject("Resources");
    outputs = root.putObject("Outputs");
  }

  ObjectNode json() {
    return root;
  }

  /** Adds a resource and answers its {@code Properties} to fill in. */
  ObjectNode resource(String logicalId, String type) {
    if (resources.has(logicalId)) {
      throw new IllegalStateException("Two resources would have the logical id " + logicalId);
    }
    ObjectNode resource = resources.putObject(logicalId);
    resource.put("Type", type);
    return resource.putObject("Properties");
  }

  ObjectNode resourceNode(String logicalId) {
    return (ObjectNode) resources.get(logicalId);
  }

  ObjectNode parameter(String name, String type, String description) {
    ObjectNode parameter = parameters.putObject(name);
    parameter.put("Type", type);
    parameter.put("Description", description);
    return parameter;
  }

  void condition(String name, JsonNode expression) {
    conditions.set(name, expression);
  }

  void output(String name, JsonNode value, String description) {
    ObjectNode output = outputs.putObject(name);
    output.put("Description", description);
    output.set("Value", value);
  }

  /** {@code bellyfed-domain-user-dev} becomes {@code BellyfedDomainUserDev} plus the kind. */
  static String logicalId(String name, String kind) {
    StringBuilder id = new StringBuilder();
    for (String part : name.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        id.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
      }
    }
    return id.append(kind).toString();
  }

  static ObjectNode ref(String logicalId) {
    return NODES.objectNode().put("Ref", logicalId);
  }

  static ObjectNode arn(String logicalId) {
    return getAtt(logicalId, "Arn");
  }

  static ObjectNode getAtt(String logicalId, String attribute) {
    ObjectNode getAtt = NODES.objectNode();
    getAtt.putArray("Fn::GetAtt").add(logicalId).add(attribute);
    return getAtt;
  }

  static ObjectNode sub(String text) {
    return NODES.objectNode().put("Fn::Sub", text);
  }

  static ObjectNode object() {
    return NODES.objectNode();
  }

  static ArrayNode array() {
    return NODES.arrayNode();
  }
}
