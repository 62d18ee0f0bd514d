package com.bellyfed.localaws.cognito;

import com.bellyfed.localaws.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The members of CreateUserPoolClient that change how local-aws signs in, with the API's defaults:
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html
 * (auth flows SRP, custom and refresh; tokens 1 hour, refresh tokens 30 days; user-existence errors LEGACY).
 */
record ClientSettings(
    Set<String> explicitAuthFlows,
    Duration accessTokenValidity,
    Duration idTokenValidity,
    Duration refreshTokenValidity,
    boolean preventUserExistenceErrors,
    JsonNode request) {

  private static final Set<String> DEFAULT_FLOWS = Set.of("ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH", "ALLOW_REFRESH_TOKEN_AUTH");
  private static final Set<String> KNOWN_FLOWS =
      Set.of("ADMIN_NO_SRP_AUTH", "CUSTOM_AUTH_FLOW_ONLY", "USER_PASSWORD_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH",
          "ALLOW_CUSTOM_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_AUTH");

  static ClientSettings from(JsonNode body) {
    Set<String> flows = new LinkedHashSet<>();
    for (JsonNode flow : body.path("ExplicitAuthFlows")) {
      String name = flow.asString("");
      if (!KNOWN_FLOWS.contains(name)) {
        throw CognitoException.invalidParameter(
            "1 validation error detected: Value '[" + name + "]' at 'explicitAuthFlows' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: " + KNOWN_FLOWS + "]");
      }
      // The legacy names stand for their ALLOW_ successors.
      flows.add(switch (name) {
        case "ADMIN_NO_SRP_AUTH" -> "ALLOW_ADMIN_USER_PASSWORD_AUTH";
        case "USER_PASSWORD_AUTH" -> "ALLOW_USER_PASSWORD_AUTH";
        default -> name;
      });
    }
    if (!body.has("ExplicitAuthFlows")) {
      flows.addAll(DEFAULT_FLOWS);
    }
    JsonNode units = body.path("TokenValidityUnits");
    Duration access = validity(body, "AccessTokenValidity", units.path("AccessToken").asString("hours"), 1, Duration.ofMinutes(5), Duration.ofDays(1));
    Duration id = validity(body, "IdTokenValidity", units.path("IdToken").asString("hours"), 1, Duration.ofMinutes(5), Duration.ofDays(1));
    Duration refresh = validity(body, "RefreshTokenValidity", units.path("RefreshToken").asString("days"), 30, Duration.ofMinutes(60), Duration.ofDays(3650));
    String prevent = body.path("PreventUserExistenceErrors").asString("LEGACY");
    if (!prevent.equals("LEGACY") && !prevent.equals("ENABLED")) {
      throw CognitoException.invalidParameter(
          "1 validation error detected: Value '" + prevent + "' at 'preventUserExistenceErrors' failed to satisfy constraint: Member must satisfy enum value set: [LEGACY, ENABLED]");
    }
    return new ClientSettings(Set.copyOf(flows), access, id, refresh, prevent.equals("ENABLED"), body);
  }

  private static Duration validity(JsonNode body, String member, String unit, long byDefault, Duration min, Duration max) {
    long amount = body.path(member).asLong(byDefault);
    ChronoUnit chronoUnit = switch (unit.toLowerCase(Locale.ROOT)) {
      case "seconds" -> ChronoUnit.SECONDS;
      case "minutes" -> ChronoUnit.MINUTES;
      case "hours" -> ChronoUnit.HOURS;
      case "days" -> ChronoUnit.DAYS;
      default -> throw CognitoException.invalidParameter("Invalid time unit " + unit + " for " + member + ".");
    };
    Duration validity = Duration.of(amount, chronoUnit);
    if (validity.compareTo(min) < 0 || validity.compareTo(max) > 0) {
      throw CognitoException.invalidParameter(
          "Invalid range for token validity: " + member + " must be between " + min + " and " + max + ".");
    }
    return validity;
  }

  /** The {@code UserPoolClient} object of CreateUserPoolClient's and DescribeUserPoolClient's answers. */
  ObjectNode describe(String poolId, String name, String clientId, @Nullable String secret, Instant now) {
    ObjectNode client = Json.MAPPER.createObjectNode().put("UserPoolId", poolId).put("ClientName", name).put("ClientId", clientId);
    if (secret != null) {
      client.put("ClientSecret", secret);
    }
    client.put("LastModifiedDate", UserPool.seconds(now)).put("CreationDate", UserPool.seconds(now));
    client.put("RefreshTokenValidity", request.path("RefreshTokenValidity").asLong(30));
    for (String member : new String[] {"AccessTokenValidity", "IdTokenValidity"}) {
      if (request.has(member)) {
        client.put(member, request.get(member).asLong());
      }
    }
    if (request.has("TokenValidityUnits")) {
      client.set("TokenValidityUnits", request.get("TokenValidityUnits"));
    }
    ArrayNode flows = client.putArray("ExplicitAuthFlows");
    explicitAuthFlows.stream().sorted().forEach(flows::add);
    client.put("AllowedOAuthFlowsUserPoolClient", false);
    client.put("PreventUserExistenceErrors", preventUserExistenceErrors ? "ENABLED" : "LEGACY");
    client.put("EnableTokenRevocation", true);
    client.put("EnablePropagateAdditionalUserContextData", false);
    client.put("AuthSessionValidity", 3);
    return client;
  }
}
