package com.bellyfed.localaws.cognito;

import com.bellyfed.localaws.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * One user pool: its settings, app clients, users, groups, signing keys and sign-in sessions.
 * Every change to its users happens under the pool's lock.
 */
final class UserPool {

  /** How long a sign-up confirmation code is accepted: 24 hours (ConfirmSignUp API reference). */
  static final Duration CODE_VALIDITY = Duration.ofHours(24);

  private static final SecureRandom RANDOM = new SecureRandom();

  final String id;
  final String name;
  final String region;
  final String issuer;
  final PasswordPolicy passwordPolicy;
  final Set<String> autoVerifiedAttributes;
  final Instant created;
  final ObjectNode description;
  final SigningKeys keys;
  final Map<String, AppClient> clients = new ConcurrentHashMap<>();
  final Map<String, User> users = new LinkedHashMap<>();
  final Map<String, ObjectNode> groups = new LinkedHashMap<>();
  /** Refresh token → its session; a revoked session's access tokens are refused by GetUser too. */
  final Map<String, RefreshSession> sessions = new ConcurrentHashMap<>();
  final Set<String> revokedOrigins = ConcurrentHashMap.newKeySet();
  private final Clock clock;

  record RefreshSession(String username, String clientId, Tokens.Session session, Instant expires) {}

  UserPool(
      String id, String name, String region, String issuer, PasswordPolicy passwordPolicy,
      Set<String> autoVerifiedAttributes, ObjectNode description, SigningKeys keys, Clock clock) {
    this.id = id;
    this.name = name;
    this.region = region;
    this.issuer = issuer;
    this.passwordPolicy = passwordPolicy;
    this.autoVerifiedAttributes = Set.copyOf(autoVerifiedAttributes);
    this.description = description;
    this.keys = keys;
    this.clock = clock;
    this.created = clock.instant();
  }

  Instant now() {
    return clock.instant();
  }

  String arn(String account) {
    return "arn:aws:cognito-idp:" + region + ":" + account + ":userpool/" + id;
  }

  AppClient client(String clientId) {
    AppClient client = clients.get(clientId);
    if (client == null) {
      throw CognitoException.resourceNotFound("User pool client " + clientId + " does not exist.");
    }
    return client;
  }

  User user(String username) {
    User user = users.get(username);
    if (user == null) {
      throw CognitoException.userNotFound();
    }
    return user;
  }

  synchronized int userCount() {
    return users.size();
  }

  synchronized List<User> usersSnapshot() {
    return new ArrayList<>(users.values());
  }

  /** A fresh six-digit code, valid for {@link #CODE_VALIDITY}. */
  User.Code newCode() {
    return new User.Code(String.format("%06d", RANDOM.nextInt(1_000_000)), now().plus(CODE_VALIDITY));
  }

  /** Cognito's masked destination of a code sent by email, e.g. {@code a***@e***}. */
  static ObjectNode codeDelivery(User user) {
    String email = user.email();
    ObjectNode delivery = Json.MAPPER.createObjectNode();
    if (email != null && email.indexOf('@') > 0 && email.indexOf('@') < email.length() - 1) {
      int at = email.indexOf('@');
      delivery.put("Destination", email.charAt(0) + "***@" + email.charAt(at + 1) + "***");
    } else {
      delivery.put("Destination", "***");
    }
    return delivery.put("DeliveryMedium", "EMAIL").put("AttributeName", "email");
  }

  /** The {@code Attributes}/{@code UserAttributes} list of a user, optionally only the named ones. */
  static ArrayNode attributes(User user, @Nullable Collection<String> only) {
    ArrayNode list = Json.MAPPER.createArrayNode();
    user.attributes.forEach((name, value) -> {
      if (only == null || only.contains(name)) {
        list.addObject().put("Name", name).put("Value", value);
      }
    });
    return list;
  }

  /** A user as AdminCreateUser and ListUsers describe one. */
  static ObjectNode describe(User user, @Nullable Collection<String> attributesToGet) {
    ObjectNode node = Json.MAPPER.createObjectNode().put("Username", user.username);
    node.set("Attributes", attributes(user, attributesToGet));
    return node.put("UserCreateDate", seconds(user.created))
        .put("UserLastModifiedDate", seconds(user.modified))
        .put("Enabled", user.enabled)
        .put("UserStatus", user.status.name());
  }

  /** Timestamps go over the wire as epoch seconds with a fraction, as the AWS JSON protocol writes them. */
  static double seconds(Instant instant) {
    return instant.toEpochMilli() / 1000.0;
  }
}
