package com.bellyfed.localaws.dynamodb.requests;

import tools.jackson.databind.JsonNode;

/** Checks of one operation beyond its members' constraints; each throws the first failure, as AWS answers it. */
@FunctionalInterface
interface Rules {

  Rules NONE = body -> {};

  void check(JsonNode body);
}
