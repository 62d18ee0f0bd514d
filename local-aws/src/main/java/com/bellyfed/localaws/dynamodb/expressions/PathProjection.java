package com.bellyfed.localaws.dynamodb.expressions;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import com.bellyfed.localaws.dynamodb.expressions.Syntax.PathRef;
import com.bellyfed.localaws.dynamodb.model.Value;
import tools.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A compiled ProjectionExpression or AttributesToGet
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ProjectionExpressions.html).
 */
final class PathProjection implements Projection {

  private final List<DocumentPath> paths;
  private final Set<String> topLevelNames;
  private final Set<String> nestedNames;

  private PathProjection(List<DocumentPath> paths) {
    this.paths = List.copyOf(paths);
    Set<String> topLevel = new LinkedHashSet<>();
    Set<String> nested = new LinkedHashSet<>();
    for (DocumentPath path : paths) {
      topLevel.add(path.head());
      if (path.size() > 1) {
        nested.add(path.head());
      }
    }
    this.topLevelNames = Collections.unmodifiableSet(topLevel);
    this.nestedNames = Collections.unmodifiableSet(nested);
  }

  /** Checks in AWS's order: nesting depth, reserved words, undefined names, overlapping then conflicting paths. */
  static PathProjection compile(String parameter, String text, Placeholders placeholders) {
    List<PathRef> refs = ProjectionParser.parse(parameter, text);
    for (PathRef ref : refs) {
      if (ref.steps().size() > DocumentPath.MAX_DEPTH) {
        throw Invalid.expression(parameter, "The document path has too many nesting levels; nesting levels: " + ref.steps().size());
      }
    }
    for (PathRef ref : refs) {
      UpdateCompiler.checkReserved(parameter, ref);
    }
    List<DocumentPath> paths = new ArrayList<>();
    for (PathRef ref : refs) {
      paths.add(ConditionCompiler.path(placeholders, parameter, ref));
    }
    PathOverlaps.check(parameter, paths);
    return new PathProjection(paths);
  }

  /** AttributesToGet: top-level names, each at most once. */
  static PathProjection attributesToGet(JsonNode names) {
    List<DocumentPath> paths = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (JsonNode name : names) {
      if (name.isNull()) {
        // A JSON null in a list is no member at all, as for AWS's reader; no SDK sends one.
        continue;
      }
      if (!seen.add(name.stringValue(null))) {
        throw DynamoDbException.validation(
            "One or more parameter values were invalid: Duplicate value in attribute name: " + name.stringValue(null));
      }
      paths.add(DocumentPath.of(name.stringValue(null)));
    }
    return new PathProjection(paths);
  }

  static PathProjection of(List<DocumentPath> paths) {
    return new PathProjection(paths);
  }

  List<DocumentPath> paths() {
    return paths;
  }

  @Override
  public Map<String, Value> project(Map<String, Value> item) {
    return Projector.project(item, paths);
  }

  @Override
  public Set<String> topLevelNames() {
    return topLevelNames;
  }

  @Override
  public Set<String> nestedNames() {
    return nestedNames;
  }
}
