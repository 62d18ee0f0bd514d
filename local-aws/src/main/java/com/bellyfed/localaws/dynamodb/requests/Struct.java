package com.bellyfed.localaws.dynamodb.requests;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A structure of AWS's model: its class name (AWS names it in messages) and its members in the
 * model's order.
 */
final class Struct implements Shape {

  private final String name;
  private final Map<String, Member> members = new LinkedHashMap<>();
  private final List<Member> validationOrder;

  Struct(String name, List<Member> members) {
    this.name = name;
    Map<String, Member> byPathName = new HashMap<>();
    for (Member member : members) {
      this.members.put(member.name(), member);
      byPathName.put(member.pathName(), member);
    }
    // AWS reports constraint violations in the iteration order of a java.util.HashMap keyed by the
    // lower-camel member names, filled in model order: observed orders (returnValues before tableName
    // in PutItem, returnConsumedCapacity before returnValues in UpdateItem, GSI before LSI in
    // CreateTable, clientRequestToken first in TransactWriteItems) all match it, model order does not.
    this.validationOrder = List.copyOf(new ArrayList<>(byPathName.values()));
  }

  static Struct of(String name, Member... members) {
    return new Struct(name, List.of(members));
  }

  String name() {
    return name;
  }

  @Nullable Member member(String jsonName) {
    return members.get(jsonName);
  }

  /** Members in the model's order, as AWS's toString lists them. */
  Iterable<Member> members() {
    return members.values();
  }

  /** Members in the order AWS checks and reports their constraints. */
  List<Member> validationOrder() {
    return validationOrder;
  }

  @Override
  public String javaType() {
    return MODEL_PACKAGE + name;
  }

  @Override
  public String toString() {
    return "Struct[" + name + "]";
  }
}
