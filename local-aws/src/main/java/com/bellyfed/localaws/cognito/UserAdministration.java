package com.bellyfed.localaws.cognito;

import com.bellyfed.localaws.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/** AdminCreateUser, AdminGetUser, AdminSetUserPassword, ListUsers and AdminAddUserToGroup. */
final class UserAdministration {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int MAX_LIMIT = 60;

  private final UserPools pools;

  UserAdministration(UserPools pools) {
    this.pools = pools;
  }

  ObjectNode adminCreateUser(JsonNode body) {
    UserPool pool = pools.pool(Requests.required(body, "UserPoolId"));
    String username = Requests.required(body, "Username");
    Map<String, String> attributes = Requests.attributes(body.path("UserAttributes"));
    String action = body.path("MessageAction").asString("");
    synchronized (pool) {
      if (action.equals("RESEND")) {
        User user = pool.user(username);
        return created(user);
      }
      if (pool.users.containsKey(username)) {
        throw new CognitoException("UsernameExistsException", "User account already exists");
      }
      @Nullable String temporary = Requests.optional(body, "TemporaryPassword");
      boolean generated = temporary == null;
      if (generated) {
        temporary = temporaryPassword(pool.passwordPolicy);
      } else {
        pool.passwordPolicy.check(temporary);
      }
      User user = new User(username, UUID.randomUUID().toString(), PasswordHasher.hash(temporary), User.Status.FORCE_CHANGE_PASSWORD, pool.now());
      user.attributes.putAll(attributes);
      pool.users.put(username, user);
      if (!action.equals("SUPPRESS") && generated) {
        pools.sent(pool, user, "TEMPORARY_PASSWORD", temporary);
      }
      return created(user);
    }
  }

  private static ObjectNode created(User user) {
    ObjectNode response = Json.MAPPER.createObjectNode();
    response.set("User", UserPool.describe(user, null));
    return response;
  }

  ObjectNode adminGetUser(JsonNode body) {
    UserPool pool = pools.pool(Requests.required(body, "UserPoolId"));
    synchronized (pool) {
      User user = pool.user(Requests.required(body, "Username"));
      ObjectNode response = Json.MAPPER.createObjectNode().put("Username", user.username);
      response.set("UserAttributes", UserPool.attributes(user, null));
      return response.put("UserCreateDate", UserPool.seconds(user.created))
          .put("UserLastModifiedDate", UserPool.seconds(user.modified))
          .put("Enabled", user.enabled)
          .put("UserStatus", user.status.name());
    }
  }

  /** Sets a password; {@code Permanent} confirms a user who had to change a temporary one. */
  ObjectNode adminSetUserPassword(JsonNode body) {
    UserPool pool = pools.pool(Requests.required(body, "UserPoolId"));
    String password = Requests.required(body, "Password");
    synchronized (pool) {
      User user = pool.user(Requests.required(body, "Username"));
      pool.passwordPolicy.check(password);
      user.passwordHash = PasswordHasher.hash(password);
      if (body.path("Permanent").asBoolean(false)) {
        if (user.status == User.Status.FORCE_CHANGE_PASSWORD) {
          user.status = User.Status.CONFIRMED;
        }
      } else {
        user.status = User.Status.FORCE_CHANGE_PASSWORD;
      }
      user.modified = pool.now();
      return Json.MAPPER.createObjectNode();
    }
  }

  ObjectNode listUsers(JsonNode body) {
    UserPool pool = pools.pool(Requests.required(body, "UserPoolId"));
    int limit = body.path("Limit").asInt(MAX_LIMIT);
    if (limit > MAX_LIMIT) {
      throw CognitoException.invalidParameter(
          "1 validation error detected: Value '" + limit + "' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60");
    }
    if (limit < 0) {
      throw CognitoException.invalidParameter(
          "1 validation error detected: Value '" + limit + "' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 0");
    }
    Predicate<User> filter = UserFilter.parse(body.path("Filter").asString(""));
    @Nullable List<String> only = null;
    if (body.has("AttributesToGet") && !body.get("AttributesToGet").isNull()) {
      only = new ArrayList<>();
      for (JsonNode name : body.get("AttributesToGet")) {
        only.add(name.asString(""));
      }
    }
    ObjectNode response = Json.MAPPER.createObjectNode();
    ArrayNode users = response.putArray("Users");
    synchronized (pool) {
      List<User> matching = pool.usersSnapshot().stream().filter(filter).toList();
      int from = body.hasNonNull("PaginationToken") ? Pages.from(body.get("PaginationToken").asString(""), matching.size()) : 0;
      int to = limit == 0 ? matching.size() : Math.min(matching.size(), from + limit);
      for (User user : matching.subList(from, to)) {
        users.add(UserPool.describe(user, only));
      }
      if (to < matching.size()) {
        response.put("PaginationToken", Pages.token(to));
      }
    }
    return response;
  }

  ObjectNode adminAddUserToGroup(JsonNode body) {
    UserPool pool = pools.pool(Requests.required(body, "UserPoolId"));
    String group = Requests.required(body, "GroupName");
    synchronized (pool) {
      User user = pool.user(Requests.required(body, "Username"));
      if (!pool.groups.containsKey(group)) {
        throw CognitoException.resourceNotFound("Group not found.");
      }
      user.groups.add(group);
      return Json.MAPPER.createObjectNode();
    }
  }

  /** A password of the pool's policy, made of one character of each kind and random letters. */
  private static String temporaryPassword(PasswordPolicy policy) {
    String letters = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    StringBuilder password = new StringBuilder("Aa1!");
    while (password.length() < Math.max(12, policy.minimumLength())) {
      password.append(letters.charAt(RANDOM.nextInt(letters.length())));
    }
    return password.toString();
  }
}
