package com.bellyfed.localaws.cognito;

import com.bellyfed.localaws.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * {@code /_local-aws/cognito}: {@code GET codes} (the codes and invitations "sent"),
 * {@code POST {poolId}/rotate-keys}, and {@code POST token} (what {@code local-aws token} calls:
 * a signed-in user's tokens without a password, in the environment's pool unless told another).
 */
public final class CognitoAdminHandler implements HttpHandler {

  private static final String PREFIX = "/_local-aws/cognito/";

  /** The environment's pool and app client, once provisioned. */
  public record DefaultClient(String userPoolId, String clientId) {}

  private final CognitoService cognito;
  private final Supplier<@Nullable DefaultClient> defaults;

  public CognitoAdminHandler(CognitoService cognito, Supplier<@Nullable DefaultClient> defaults) {
    this.cognito = cognito;
    this.defaults = defaults;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String rest = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : "";
      String method = exchange.getRequestMethod();
      try {
        if (method.equals("GET") && rest.equals("codes")) {
          send(exchange, 200, codes());
        } else if (method.equals("POST") && rest.endsWith("/rotate-keys")) {
          String poolId = rest.substring(0, rest.length() - "/rotate-keys".length());
          send(exchange, 200, Json.MAPPER.createObjectNode().put("userPoolId", poolId).put("kid", cognito.pools().rotateKeys(poolId)));
        } else if (method.equals("POST") && rest.equals("token")) {
          send(exchange, 200, token(Json.MAPPER.readTree(exchange.getRequestBody().readAllBytes())));
        } else {
          send(exchange, 404, problem("No such local-aws Cognito endpoint: " + method + " " + path
              + " (GET codes, POST {poolId}/rotate-keys, POST token)"));
        }
      } catch (CognitoException e) {
        send(exchange, e.type().equals("ResourceNotFoundException") || e.type().equals("UserNotFoundException") ? 404 : 400,
            Json.MAPPER.createObjectNode().put("__type", e.type()).put("message", e.getMessage()));
      } catch (tools.jackson.core.JacksonException e) {
        send(exchange, 400, problem("The body is not JSON: " + e.getOriginalMessage()));
      }
    }
  }

  private ArrayNode codes() {
    ArrayNode list = Json.MAPPER.createArrayNode();
    for (UserPools.SentCode code : cognito.pools().codes()) {
      list.addObject()
          .put("userPoolId", code.userPoolId())
          .put("username", code.username())
          .put("kind", code.kind())
          .put("code", code.code())
          .put("destination", code.destination())
          .put("sentAt", code.sentAt().toString());
    }
    return list;
  }

  private ObjectNode token(JsonNode body) {
    String username = body.path("username").asString("");
    if (username.isBlank()) {
      throw CognitoException.invalidParameter("username is required");
    }
    DefaultClient fallback = defaults.get();
    String poolId = body.path("userPoolId").asString(fallback == null ? "" : fallback.userPoolId());
    String clientId = body.path("clientId").asString(fallback == null ? "" : fallback.clientId());
    if (poolId.isEmpty() || clientId.isEmpty()) {
      throw CognitoException.invalidParameter("No user pool is provisioned: name userPoolId and clientId");
    }
    List<String> groups = new ArrayList<>();
    body.path("groups").forEach(group -> groups.add(group.asString("")));
    CognitoService.SignedIn signedIn = cognito.signIn(poolId, clientId, username, groups, UnaryOperator.identity());
    return Json.MAPPER.createObjectNode()
        .put("userPoolId", poolId)
        .put("clientId", clientId)
        .put("sub", signedIn.sub())
        .put("accessToken", signedIn.accessToken())
        .put("idToken", signedIn.idToken())
        .put("refreshToken", signedIn.refreshToken())
        .put("expiresIn", signedIn.expiresIn());
  }

  private static ObjectNode problem(String message) {
    return Json.MAPPER.createObjectNode().put("message", message);
  }

  private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
