package com.bellyfed.deploy.cloudformation;

import com.bellyfed.events.naming.Environment;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The tags every resource carries: project, environment, and what part of the suite it serves. */
record Tags(Environment environment) {

  Map<String, String> of(String component) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("project", "bellyfed");
    tags.put("environment", environment.id());
    tags.put("component", component);
    return tags;
  }

  /** The {@code [{Key, Value}]} form most resource types take. */
  ArrayNode list(String component) {
    ArrayNode list = Template.array();
    of(component).forEach((key, value) -> list.addObject().put("Key", key).put("Value", value));
    return list;
  }

  /** The {@code {key: value}} form some types take (Cognito's {@code UserPoolTags}). */
  ObjectNode map(String component) {
    ObjectNode map = Template.object();
    of(component).forEach(map::put);
    return map;
  }
}
