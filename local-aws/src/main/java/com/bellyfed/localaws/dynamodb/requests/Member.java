package com.bellyfed.localaws.dynamodb.requests;

/** A member of a structure, by its name in the JSON; {@code required} is AWS's "Member must not be null". */
record Member(String name, Shape shape, boolean required) {

  /** The name as AWS's validator spells it in a path: first letter lower case, e.g. {@code sSESpecification}. */
  String pathName() {
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }
}
