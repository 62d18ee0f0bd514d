package com.bellyfed.localaws.cognito;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** One user of a pool. Guarded by its pool's lock. */
final class User {

  enum Status { UNCONFIRMED, CONFIRMED, FORCE_CHANGE_PASSWORD }

  /** A confirmation code sent to the user, and when it stops being accepted. */
  record Code(String value, Instant expires) {}

  final String username;
  final String sub;
  final Map<String, String> attributes = new LinkedHashMap<>();
  final Set<String> groups = new LinkedHashSet<>();
  final Instant created;
  Instant modified;
  String passwordHash;
  Status status;
  boolean enabled = true;
  @Nullable Code code;

  User(String username, String sub, String passwordHash, Status status, Instant created) {
    this.username = username;
    this.sub = sub;
    this.passwordHash = passwordHash;
    this.status = status;
    this.created = created;
    this.modified = created;
    attributes.put("sub", sub);
  }

  @Nullable String email() {
    return attributes.get("email");
  }
}
