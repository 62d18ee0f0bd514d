package com.bellyfed.localaws.cognito;

import com.bellyfed.localaws.Json;
import tools.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A pool's {@code /{poolId}/.well-known/jwks.json} and {@code /{poolId}/.well-known/openid-configuration},
 * at the same paths below the issuer as Cognito serves them (developer guide, "Verifying a JSON Web Token").
 */
public final class WellKnownHandler implements HttpHandler {

  /** The paths this handler serves. */
  public static final Pattern PATH = Pattern.compile("/([a-z0-9-]+_[A-Za-z0-9]+)/\\.well-known/(jwks\\.json|openid-configuration)");

  private final UserPools pools;

  public WellKnownHandler(UserPools pools) {
    this.pools = pools;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Matcher matcher = PATH.matcher(exchange.getRequestURI().getPath());
      if (!matcher.matches() || !exchange.getRequestMethod().equals("GET")) {
        send(exchange, 404, "{\"message\":\"Not found\"}");
        return;
      }
      String poolId = matcher.group(1);
      @Nullable String jwks = pools.jwks(poolId);
      if (jwks == null) {
        // Cognito's answer for a pool that does not exist.
        send(exchange, 404, "{\"message\":\"User pool " + poolId + " does not exist.\"}");
      } else if (matcher.group(2).equals("jwks.json")) {
        send(exchange, 200, jwks);
      } else {
        send(exchange, 200, openIdConfiguration(pools.issuer(poolId)).toString());
      }
    }
  }

  /** The provider metadata Cognito publishes for a pool without a domain: no OAuth endpoints. */
  static ObjectNode openIdConfiguration(String issuer) {
    ObjectNode configuration = Json.MAPPER.createObjectNode();
    configuration.putArray("id_token_signing_alg_values_supported").add("RS256");
    configuration.put("issuer", issuer);
    configuration.put("jwks_uri", issuer + "/.well-known/jwks.json");
    configuration.putArray("response_types_supported").add("code").add("token");
    configuration.putArray("scopes_supported").add("openid").add("email").add("phone").add("profile");
    configuration.putArray("subject_types_supported").add("public");
    configuration.putArray("token_endpoint_auth_methods_supported").add("client_secret_basic").add("client_secret_post");
    return configuration;
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
