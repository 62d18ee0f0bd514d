package com.bellyfed.localaws.cognito;

import com.bellyfed.localaws.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every pool of this local-aws, the app clients by id, and the codes "sent" to users. */
public final class UserPools {

  private static final Logger log = LoggerFactory.getLogger(UserPools.class);

  /** A message Cognito would have sent: a sign-up code, or an invitation's temporary password. */
  public record SentCode(String userPoolId, String username, String kind, String code, String destination, Instant sentAt) {}

  private final String region;
  private final String account;
  private final String issuerBase;
  private final @Nullable Path keysDir;
  private final Clock clock;
  private final Map<String, UserPool> pools = new ConcurrentHashMap<>();
  private final Map<String, UserPool> poolsByClient = new ConcurrentHashMap<>();
  private final List<SentCode> codes = new CopyOnWriteArrayList<>();

  /**
   * @param issuerBase the edge's base URL; a pool's issuer is {@code issuerBase/poolId}
   * @param keysDir where pools keep their signing keys between runs; in memory when null
   */
  public UserPools(String region, String account, String issuerBase, @Nullable Path keysDir, Clock clock) {
    this.region = region;
    this.account = account;
    this.issuerBase = issuerBase;
    this.keysDir = keysDir;
    this.clock = clock;
  }

  String region() {
    return region;
  }

  String account() {
    return account;
  }

  public String issuer(String poolId) {
    return issuerBase + "/" + poolId;
  }

  UserPool pool(String poolId) {
    UserPool pool = pools.get(poolId);
    if (pool == null) {
      throw CognitoException.resourceNotFound("User pool " + poolId + " does not exist.");
    }
    return pool;
  }

  @Nullable UserPool findPool(String poolId) {
    return pools.get(poolId);
  }

  UserPool poolOfClient(String clientId) {
    UserPool pool = poolsByClient.get(clientId);
    if (pool == null) {
      throw CognitoException.resourceNotFound("User pool client " + clientId + " does not exist.");
    }
    return pool;
  }

  void sent(UserPool pool, User user, String kind, String code) {
    String destination = UserPool.codeDelivery(user).path("Destination").asString("");
    codes.add(new SentCode(pool.id, user.username, kind, code, destination, clock.instant()));
    if (kind.equals("CONFIRMATION_CODE")) {
      log.info("Cognito: confirmation code for {} in {} is {}", user.username, pool.id, code);
    } else {
      // A temporary password stays out of the log: read it at /_local-aws/cognito/codes.
      log.info("Cognito: invitation with a temporary password for {} in {} (GET /_local-aws/cognito/codes)", user.username, pool.id);
    }
  }

  public List<SentCode> codes() {
    return List.copyOf(codes);
  }

  /** Adds a new signing key to a pool; the old ones stay published. Returns the new key id. */
  public String rotateKeys(String poolId) {
    return pool(poolId).keys.rotate();
  }

  /** The pool's JWKS, null for an unknown pool. */
  public @Nullable String jwks(String poolId) {
    UserPool pool = pools.get(poolId);
    return pool == null ? null : pool.keys.publicJwks();
  }

  ObjectNode createUserPool(JsonNode body) {
    String name = Requests.required(body, "PoolName");
    if (name.length() > 128 || !name.matches("[\\w\\s+=,.@-]+")) {
      throw CognitoException.invalidParameter(
          "1 validation error detected: Value '" + name + "' at 'poolName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w\\s+=,.@-]+");
    }
    PasswordPolicy policy = PasswordPolicy.from(body.path("Policies"));
    Set<String> autoVerified = new LinkedHashSet<>();
    body.path("AutoVerifiedAttributes").forEach(attribute -> autoVerified.add(attribute.asString("")));
    synchronized (pools) {
      String id = freeId(attempt -> Ids.pool(region, name, attempt), pools::containsKey);
      Instant now = clock.instant();
      ObjectNode description = Json.MAPPER.createObjectNode().put("Id", id).put("Name", name);
      policy.writeTo(description.putObject("Policies"));
      description.putObject("LambdaConfig");
      description.put("LastModifiedDate", UserPool.seconds(now)).put("CreationDate", UserPool.seconds(now));
      description.putArray("SchemaAttributes");
      ArrayNode verified = description.putArray("AutoVerifiedAttributes");
      autoVerified.forEach(verified::add);
      if (body.has("UsernameAttributes")) {
        description.set("UsernameAttributes", body.get("UsernameAttributes"));
      }
      description.put("MfaConfiguration", body.path("MfaConfiguration").asString("OFF"));
      description.put("Arn", "arn:aws:cognito-idp:" + region + ":" + account + ":userpool/" + id);
      description.set("UserPoolTags", body.has("UserPoolTags") ? body.get("UserPoolTags") : Json.MAPPER.createObjectNode());
      description.putObject("AdminCreateUserConfig").put("AllowAdminCreateUserOnly", false).put("UnusedAccountValidityDays", 7);
      description.put("DeletionProtection", body.path("DeletionProtection").asString("INACTIVE"));
      SigningKeys keys = new SigningKeys(keysDir == null ? null : keysDir.resolve(id + "-keys.json"));
      UserPool pool = new UserPool(id, name, region, issuer(id), policy, autoVerified, description, keys, clock);
      pools.put(id, pool);
      ObjectNode response = Json.MAPPER.createObjectNode();
      response.set("UserPool", describePool(pool));
      return response;
    }
  }

  ObjectNode describeUserPool(JsonNode body) {
    UserPool pool = pool(Requests.required(body, "UserPoolId"));
    ObjectNode response = Json.MAPPER.createObjectNode();
    response.set("UserPool", describePool(pool));
    return response;
  }

  private static ObjectNode describePool(UserPool pool) {
    return pool.description.deepCopy().put("EstimatedNumberOfUsers", pool.userCount());
  }

  ObjectNode listUserPools(JsonNode body) {
    int max = body.path("MaxResults").asInt(0);
    if (max < 1 || max > 60) {
      throw CognitoException.invalidParameter(
          "1 validation error detected: Value '" + max + "' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 60");
    }
    List<UserPool> all = new ArrayList<>(pools.values());
    all.sort((a, b) -> a.id.compareTo(b.id));
    int from = body.hasNonNull("NextToken") ? Pages.from(body.get("NextToken").asString(""), all.size()) : 0;
    ObjectNode response = Json.MAPPER.createObjectNode();
    ArrayNode list = response.putArray("UserPools");
    for (UserPool pool : all.subList(from, Math.min(all.size(), from + max))) {
      list.addObject().put("Id", pool.id).put("Name", pool.name).putObject("LambdaConfig");
      ((ObjectNode) list.get(list.size() - 1))
          .put("LastModifiedDate", UserPool.seconds(pool.created))
          .put("CreationDate", UserPool.seconds(pool.created));
    }
    if (from + max < all.size()) {
      response.put("NextToken", Pages.token(from + max));
    }
    return response;
  }

  ObjectNode createUserPoolClient(JsonNode body) {
    UserPool pool = pool(Requests.required(body, "UserPoolId"));
    String name = Requests.required(body, "ClientName");
    ClientSettings settings = ClientSettings.from(body);
    synchronized (pools) {
      String clientId = freeId(attempt -> Ids.client(pool.id, name, attempt), poolsByClient::containsKey);
      String secret = body.path("GenerateSecret").asBoolean(false) ? Ids.secret(clientId) : null;
      Instant now = clock.instant();
      ObjectNode description = settings.describe(pool.id, name, clientId, secret, now);
      AppClient client =
          new AppClient(clientId, name, secret, settings.explicitAuthFlows(), settings.accessTokenValidity(),
              settings.idTokenValidity(), settings.refreshTokenValidity(), settings.preventUserExistenceErrors(), description);
      pool.clients.put(clientId, client);
      poolsByClient.put(clientId, pool);
      ObjectNode response = Json.MAPPER.createObjectNode();
      response.set("UserPoolClient", description.deepCopy());
      return response;
    }
  }

  ObjectNode listUserPoolClients(JsonNode body) {
    UserPool pool = pool(Requests.required(body, "UserPoolId"));
    int max = body.path("MaxResults").asInt(60);
    List<AppClient> all = new ArrayList<>(pool.clients.values());
    all.sort((a, b) -> a.clientId().compareTo(b.clientId()));
    int from = body.hasNonNull("NextToken") ? Pages.from(body.get("NextToken").asString(""), all.size()) : 0;
    ObjectNode response = Json.MAPPER.createObjectNode();
    ArrayNode list = response.putArray("UserPoolClients");
    for (AppClient client : all.subList(from, Math.min(all.size(), from + max))) {
      list.addObject().put("ClientId", client.clientId()).put("UserPoolId", pool.id).put("ClientName", client.clientName());
    }
    if (from + max < all.size()) {
      response.put("NextToken", Pages.token(from + max));
    }
    return response;
  }

  ObjectNode describeUserPoolClient(JsonNode body) {
    UserPool pool = pool(Requests.required(body, "UserPoolId"));
    AppClient client = pool.client(Requests.required(body, "ClientId"));
    ObjectNode response = Json.MAPPER.createObjectNode();
    response.set("UserPoolClient", client.description().deepCopy());
    return response;
  }

  ObjectNode createGroup(JsonNode body) {
    String name = Requests.required(body, "GroupName");
    UserPool pool = pool(Requests.required(body, "UserPoolId"));
    synchronized (pool) {
      if (pool.groups.containsKey(name)) {
        throw new CognitoException("GroupExistsException", "A group with the name " + name + " already exists.");
      }
      Instant now = clock.instant();
      ObjectNode group = Json.MAPPER.createObjectNode().put("GroupName", name).put("UserPoolId", pool.id);
      if (body.hasNonNull("Description")) {
        group.put("Description", body.get("Description").asString(""));
      }
      if (body.hasNonNull("Precedence")) {
        group.put("Precedence", body.get("Precedence").asInt());
      }
      if (body.hasNonNull("RoleArn")) {
        group.put("RoleArn", body.get("RoleArn").asString(""));
      }
      group.put("LastModifiedDate", UserPool.seconds(now)).put("CreationDate", UserPool.seconds(now));
      pool.groups.put(name, group);
      ObjectNode response = Json.MAPPER.createObjectNode();
      response.set("Group", group.deepCopy());
      return response;
    }
  }

  private static String freeId(java.util.function.IntFunction<String> candidate, java.util.function.Predicate<String> taken) {
    for (int attempt = 0; ; attempt++) {
      String id = candidate.apply(attempt);
      if (!taken.test(id)) {
        return id;
      }
    }
  }
}
