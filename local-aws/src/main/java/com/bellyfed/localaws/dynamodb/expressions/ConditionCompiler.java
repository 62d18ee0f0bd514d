package com.bellyfed.localaws.dynamodb.expressions;

import com.bellyfed.localaws.dynamodb.expressions.Syntax.Between;
import com.bellyfed.localaws.dynamodb.expressions.Syntax.Call;
import com.bellyfed.localaws.dynamodb.expressions.Syntax.Comparison;
import com.bellyfed.localaws.dynamodb.expressions.Syntax.FunctionCondition;
import com.bellyfed.localaws.dynamodb.expressions.Syntax.Group;
import com.bellyfed.localaws.dynamodb.expressions.Syntax.In;
import com.bellyfed.localaws.dynamodb.expressions.Syntax.Node;
import com.bellyfed.localaws.dynamodb.expressions.Syntax.Operand;
import com.bellyfed.localaws.dynamodb.expressions.Syntax.OperandGroup;
import com.bellyfed.localaws.dynamodb.expressions.Syntax.PathRef;
import com.bellyfed.localaws.dynamodb.expressions.Syntax.ValueRef;
import com.bellyfed.localaws.dynamodb.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Checks a parsed condition in the order AWS reports its errors, then resolves its placeholders.
 * Whole-expression checks come first (nesting depth, redundant parentheses, function names,
 * functions used where they may not be, reserved words); then each comparison or function, left to
 * right, is checked for undefined placeholders, operand counts, repeated operands and operand types,
 * and the first one with a problem is reported. The order follows the AWS-verified cases of
 * dynalite's test suite.
 */
final class ConditionCompiler {

  static final Map<String, Integer> FUNCTIONS = Map.of(
      "attribute_exists", 1,
      "attribute_not_exists", 1,
      "attribute_type", 2,
      "begins_with", 2,
      "contains", 2,
      "size", 1);
  static final Set<String> UPDATE_FUNCTIONS = Set.of("if_not_exists", "list_append");
  static final int MAX_IN_OPERANDS = 100;

  private static final Set<String> ORDERING = Set.of("<", "<=", ">", ">=");
  private static final Set<String> TYPE_NAMES = Set.of("S", "N", "B", "BOOL", "NULL", "SS", "NS", "BS", "L", "M");

  private final String parameter;
  private final Placeholders placeholders;

  private ConditionCompiler(String parameter, Placeholders placeholders) {
    this.parameter = parameter;
    this.placeholders = placeholders;
  }

  static Resolved.Node compile(String parameter, String text, Placeholders placeholders) {
    Node root = ConditionParser.parse(parameter, text);
    ConditionCompiler compiler = new ConditionCompiler(parameter, placeholders);
    compiler.checkDepth(root);
    compiler.checkRedundantParentheses(root);
    compiler.checkFunctionNames(root);
    compiler.checkFunctionPlaces(root);
    compiler.checkReservedWords(root);
    return compiler.resolve(root);
  }

  // ---- whole-expression checks

  private void checkDepth(Node root) {
    forEachOperand(root, operand -> forEachPath(operand, path -> {
      if (path.steps().size() > DocumentPath.MAX_DEPTH) {
        throw invalid("The document path has too many nesting levels; nesting levels: " + path.steps().size());
      }
    }));
  }

  private void checkRedundantParentheses(Node node) {
    if (node instanceof Group group && group.inner() instanceof Group) {
      throw invalid("The expression has redundant parentheses;");
    }
    for (Node child : children(node)) {
      checkRedundantParentheses(child);
    }
    for (Operand operand : operands(node)) {
      checkRedundantParentheses(operand);
    }
  }

  private void checkRedundantParentheses(Operand operand) {
    if ((operand instanceof OperandGroup group && group.inner() instanceof OperandGroup)
        || (operand instanceof PathRef path && path.redundant())) {
      throw invalid("The expression has redundant parentheses;");
    }
    if (operand instanceof OperandGroup group) {
      checkRedundantParentheses(group.inner());
    } else if (operand instanceof Call call) {
      for (Operand argument : call.arguments()) {
        checkRedundantParentheses(argument);
      }
    }
  }

  private void checkFunctionNames(Node root) {
    forEachOperand(root, operand -> forEachCall(operand, call -> {
      if (UPDATE_FUNCTIONS.contains(call.function())) {
        throw invalid("The function is not allowed in a condition expression; function: " + call.function());
      }
      if (!FUNCTIONS.containsKey(call.function())) {
        throw invalid("Invalid function name; function: " + call.function());
      }
    }));
  }

  /** Functions other than size() are conditions, never operands; size() is an operand, never a condition. */
  private void checkFunctionPlaces(Node root) {
    checkPlaces(root);
    refuseSizeAsCondition(root);
  }

  private void checkPlaces(Node node) {
    Node unwrapped = Syntax.unwrap(node);
    if (unwrapped instanceof FunctionCondition function) {
      checkArgumentPlaces(function.call());
      return;
    }
    if (unwrapped instanceof Syntax.Or || unwrapped instanceof Syntax.And || unwrapped instanceof Syntax.Not) {
      for (Node child : children(unwrapped)) {
        checkPlaces(child);
      }
      for (Node child : children(unwrapped)) {
        refuseSizeAsCondition(child);
      }
      return;
    }
    List<Operand> operands = operands(unwrapped);
    for (Operand operand : operands) {
      checkOperandPlaces(operand);
    }
    refuseFunctions(operands);
  }

  private void checkOperandPlaces(Operand operand) {
    Operand unwrapped = Syntax.unwrap(operand);
    if (unwrapped instanceof Call call) {
      checkArgumentPlaces(call);
    }
  }

  private void checkArgumentPlaces(Call call) {
    for (Operand argument : call.arguments()) {
      checkOperandPlaces(argument);
    }
    refuseFunctions(call.arguments());
  }

  private void refuseFunctions(List<Operand> operands) {
    for (Operand operand : operands) {
      if (Syntax.unwrap(operand) instanceof Call call && !call.function().equals("size")) {
        throw invalid("The function is not allowed to be used this way in an expression; function: " + call.function());
      }
    }
  }

  private void refuseSizeAsCondition(Node node) {
    if (Syntax.unwrap(node) instanceof FunctionCondition function && function.call().function().equals("size")) {
      throw invalid("The function is not allowed to be used this way in an expression; function: size");
    }
  }

  private void checkReservedWords(Node root) {
    forEachOperand(root, operand -> forEachPath(operand, path -> {
      for (Syntax.Step step : path.steps()) {
        Token name = step.name();
        if (name != null && name.kind() == Token.Kind.IDENTIFIER && ReservedWords.isReserved(name.text())) {
          throw invalid("Attribute name is a reserved keyword; reserved keyword: " + name.text());
        }
      }
    }));
  }

  // ---- per-condition checks and resolution

  private Resolved.Node resolve(Node node) {
    if (node instanceof Group group) {
      return resolve(group.inner());
    }
    if (node instanceof Syntax.Or or) {
      return new Resolved.Logical(false, resolve(or.left()), resolve(or.right()));
    }
    if (node instanceof Syntax.And and) {
      return new Resolved.Logical(true, resolve(and.left()), resolve(and.right()));
    }
    if (node instanceof Syntax.Not not) {
      return new Resolved.Not(resolve(not.inner()));
    }
    return resolveLeaf(node);
  }

  private Resolved.Leaf resolveLeaf(Node node) {
    List<Resolved.Operand> operands = new ArrayList<>();
    for (Operand operand : operands(node)) {
      operands.add(resolve(operand));
    }
    List<Resolved.CallOperand> calls = new ArrayList<>();
    for (Resolved.Operand operand : operands) {
      collectCalls(operand, calls);
    }
    Resolved.Leaf leaf = leaf(node, operands);

    for (Resolved.CallOperand call : calls) {
      int expected = FUNCTIONS.get(call.function());
      if (call.arguments().size() != expected) {
        throw invalid("Incorrect number of operands for operator or function; operator or function: " + call.function()
            + ", number of operands: " + call.arguments().size());
      }
    }
    if (leaf.kind() == Resolved.Kind.IN && operands.size() - 1 > MAX_IN_OPERANDS) {
      throw invalid("The IN operator is provided with too many operands; number of operands: " + (operands.size() - 1));
    }

    for (Resolved.CallOperand call : calls) {
      if (call.arguments().size() == 2) {
        checkDistinct(call.function(), call.arguments().get(0), call.arguments().get(1));
      }
    }
    if (leaf.kind() == Resolved.Kind.COMPARISON) {
      checkDistinct(leaf.operator(), operands.get(0), operands.get(1));
    }

    for (Resolved.CallOperand call : calls) {
      checkArgumentTypes(call);
    }
    // BETWEEN orders its operands as <, <=, > and >= do, and refuses the same types (observed for
    // KeyConditionExpression: paritysuite/dynamodb-conformance
    // tests/tier3/error-messages/queryKeyConditionOperands.test.ts, AWS 2026).
    boolean ordering = (leaf.kind() == Resolved.Kind.COMPARISON && ORDERING.contains(leaf.operator()))
        || leaf.kind() == Resolved.Kind.BETWEEN;
    if (ordering) {
      for (Resolved.Operand operand : operands) {
        String type = Resolved.staticType(operand);
        if (type != null && !type.equals("S") && !type.equals("N") && !type.equals("B")) {
          throw incorrectType(leaf.operator(), type);
        }
      }
    }
    if (leaf.kind() == Resolved.Kind.BETWEEN) {
      checkBounds(operands.get(1), operands.get(2));
    }
    return leaf;
  }

  private static Resolved.Leaf leaf(Node node, List<Resolved.Operand> operands) {
    if (node instanceof Comparison comparison) {
      return new Resolved.Leaf(Resolved.Kind.COMPARISON, comparison.operator().text(), List.copyOf(operands));
    }
    if (node instanceof Between) {
      return new Resolved.Leaf(Resolved.Kind.BETWEEN, "BETWEEN", List.copyOf(operands));
    }
    if (node instanceof In) {
      return new Resolved.Leaf(Resolved.Kind.IN, "IN", List.copyOf(operands));
    }
    Resolved.CallOperand call = (Resolved.CallOperand) operands.get(0);
    return new Resolved.Leaf(Resolved.Kind.FUNCTION, call.function(), call.arguments());
  }

  private Resolved.Operand resolve(Operand operand) {
    if (operand instanceof OperandGroup group) {
      return resolve(group.inner());
    }
    if (operand instanceof ValueRef value) {
      return new Resolved.ValueOperand(value(placeholders, parameter, value.token()));
    }
    if (operand instanceof Call call) {
      List<Resolved.Operand> arguments = new ArrayList<>();
      for (Operand argument : call.arguments()) {
        arguments.add(resolve(argument));
      }
      return new Resolved.CallOperand(call.function(), List.copyOf(arguments));
    }
    return new Resolved.PathOperand(path(placeholders, parameter, (PathRef) operand));
  }

  static DocumentPath path(Placeholders placeholders, String parameter, PathRef path) {
    DocumentPath.Builder builder = DocumentPath.builder();
    for (Syntax.Step step : path.steps()) {
      Token name = step.name();
      if (name == null) {
        builder.index(step.index());
      } else if (name.kind() == Token.Kind.NAME) {
        String resolved = placeholders.name(name.text());
        if (resolved == null) {
          throw Invalid.expression(parameter,
              "An expression attribute name used in the document path is not defined; attribute name: " + name.text());
        }
        builder.name(resolved);
      } else {
        builder.name(name.text());
      }
    }
    return builder.build();
  }

  static Value value(Placeholders placeholders, String parameter, Token token) {
    Value value = placeholders.value(token.text());
    if (value == null) {
      throw Invalid.expression(parameter,
          "An expression attribute value used in expression is not defined; attribute value: " + token.text());
    }
    return value;
  }

  private static void collectCalls(Resolved.Operand operand, List<Resolved.CallOperand> calls) {
    if (operand instanceof Resolved.CallOperand call) {
      for (Resolved.Operand argument : call.arguments()) {
        collectCalls(argument, calls);
      }
      calls.add(call);
    }
  }

  private void checkDistinct(String operator, Resolved.Operand first, Resolved.Operand second) {
    if (first instanceof Resolved.PathOperand a && second instanceof Resolved.PathOperand b && a.path().equals(b.path())) {
      throw invalid("The first operand must be distinct from the remaining operands for this operator or function; operator: "
          + operator + ", first operand: " + a.path());
    }
  }

  private void checkArgumentTypes(Resolved.CallOperand call) {
    List<Resolved.Operand> arguments = call.arguments();
    switch (call.function()) {
      case "attribute_exists", "attribute_not_exists" -> {
        if (!(arguments.get(0) instanceof Resolved.PathOperand)) {
          throw invalid("Operator or function requires a document path; operator or function: " + call.function());
        }
      }
      case "begins_with" -> {
        for (Resolved.Operand argument : arguments) {
          String type = Resolved.staticType(argument);
          if (type != null && !type.equals("S") && !type.equals("B")) {
            throw incorrectType("begins_with", type);
          }
        }
      }
      case "attribute_type" -> {
        String type = Resolved.staticType(arguments.get(1));
        if (!"S".equals(type)) {
          throw incorrectType("attribute_type", type == null ? "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}" : type);
        }
        String name = ((Value.S) ((Resolved.ValueOperand) arguments.get(1)).value()).value();
        if (!TYPE_NAMES.contains(name)) {
          throw invalid("Invalid attribute type name found; type: " + name + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
        }
      }
      case "size" -> {
        String type = Resolved.staticType(arguments.get(0));
        if ("N".equals(type) || "BOOL".equals(type) || "NULL".equals(type)) {
          throw incorrectType("size", type);
        }
      }
      default -> {
        // contains() accepts any operands.
      }
    }
  }

  private void checkBounds(Resolved.Operand low, Resolved.Operand high) {
    if (low instanceof Resolved.ValueOperand lower && high instanceof Resolved.ValueOperand upper) {
      Value a = lower.value();
      Value b = upper.value();
      if (a.type() != b.type()) {
        throw invalid("The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: "
            + Values.describe(a) + ", upper bound operand: " + Values.describe(b));
      }
      if (Values.orderable(a, b) && Values.compare(a, b) > 0) {
        throw invalid("The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: "
            + Values.describe(a) + ", upper bound operand: " + Values.describe(b));
      }
    }
  }

  private RuntimeException incorrectType(String function, String type) {
    return invalid("Incorrect operand type for operator or function; operator or function: " + function + ", operand type: " + type);
  }

  private RuntimeException invalid(String message) {
    return Invalid.expression(parameter, message);
  }

  // ---- tree walking

  private static List<Node> children(Node node) {
    if (node instanceof Syntax.Or or) {
      return List.of(or.left(), or.right());
    }
    if (node instanceof Syntax.And and) {
      return List.of(and.left(), and.right());
    }
    if (node instanceof Syntax.Not not) {
      return List.of(not.inner());
    }
    if (node instanceof Group group) {
      return List.of(group.inner());
    }
    return List.of();
  }

  /** The operands of a comparison, BETWEEN, IN or function condition, in written order. */
  private static List<Operand> operands(Node node) {
    if (node instanceof Comparison comparison) {
      return List.of(comparison.left(), comparison.right());
    }
    if (node instanceof Between between) {
      return List.of(between.subject(), between.low(), between.high());
    }
    if (node instanceof In in) {
      List<Operand> operands = new ArrayList<>();
      operands.add(in.subject());
      operands.addAll(in.options());
      return operands;
    }
    if (node instanceof FunctionCondition function) {
      return List.of(function.call());
    }
    return List.of();
  }

  private static void forEachOperand(Node node, Consumer<Operand> visitor) {
    for (Node child : children(node)) {
      forEachOperand(child, visitor);
    }
    for (Operand operand : operands(node)) {
      visitor.accept(operand);
    }
  }

  static void forEachPath(Operand operand, Consumer<PathRef> visitor) {
    if (operand instanceof PathRef path) {
      visitor.accept(path);
    } else if (operand instanceof OperandGroup group) {
      forEachPath(group.inner(), visitor);
    } else if (operand instanceof Call call) {
      for (Operand argument : call.arguments()) {
        forEachPath(argument, visitor);
      }
    }
  }

  /** Calls innermost first, as a parser finishes them. */
  static void forEachCall(Operand operand, Consumer<Call> visitor) {
    if (operand instanceof OperandGroup group) {
      forEachCall(group.inner(), visitor);
    } else if (operand instanceof Call call) {
      for (Operand argument : call.arguments()) {
        forEachCall(argument, visitor);
      }
      visitor.accept(call);
    }
  }
}
