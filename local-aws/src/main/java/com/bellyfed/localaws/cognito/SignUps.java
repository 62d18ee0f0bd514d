package com.bellyfed.localaws.cognito;

import com.bellyfed.localaws.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** SignUp, ConfirmSignUp, AdminConfirmSignUp and ResendConfirmationCode, and the PostConfirmation trigger they fire. */
final class SignUps {

  private static final Logger log = LoggerFactory.getLogger(SignUps.class);
  // What Cognito puts as the client of an admin confirmation (PostConfirmation trigger reference).
  private static final String NO_CLIENT = "CLIENT_ID_NOT_APPLICABLE";

  private final UserPools pools;
  private final PostConfirmationTrigger trigger;

  SignUps(UserPools pools, PostConfirmationTrigger trigger) {
    this.pools = pools;
    this.trigger = trigger;
  }

  ObjectNode signUp(JsonNode body) {
    String clientId = Requests.required(body, "ClientId");
    String username = Requests.required(body, "Username");
    String password = Requests.required(body, "Password");
    UserPool pool = pools.poolOfClient(clientId);
    AppClient client = pool.client(clientId);
    SecretHash.check(client, username, Requests.optional(body, "SecretHash"));
    Map<String, String> attributes = Requests.attributes(body.path("UserAttributes"));
    synchronized (pool) {
      if (pool.users.containsKey(username)) {
        throw new CognitoException("UsernameExistsException", "User already exists");
      }
      pool.passwordPolicy.check(password);
      User user = new User(username, UUID.randomUUID().toString(), PasswordHasher.hash(password), User.Status.UNCONFIRMED, pool.now());
      user.attributes.putAll(attributes);
      if (user.email() != null) {
        user.attributes.putIfAbsent("email_verified", "false");
      }
      user.code = pool.newCode();
      pool.users.put(username, user);
      pools.sent(pool, user, "CONFIRMATION_CODE", user.code.value());
      ObjectNode response = Json.MAPPER.createObjectNode().put("UserConfirmed", false);
      response.set("CodeDeliveryDetails", UserPool.codeDelivery(user));
      return response.put("UserSub", user.sub);
    }
  }

  ObjectNode confirmSignUp(JsonNode body, String sdk) {
    String clientId = Requests.required(body, "ClientId");
    String username = Requests.required(body, "Username");
    String code = Requests.required(body, "ConfirmationCode");
    UserPool pool = pools.poolOfClient(clientId);
    AppClient client = pool.client(clientId);
    SecretHash.check(client, username, Requests.optional(body, "SecretHash"));
    synchronized (pool) {
      User user = pool.users.get(username);
      if (user == null) {
        throw new CognitoException("UserNotFoundException", "Username/client id combination not found.");
      }
      if (user.status != User.Status.UNCONFIRMED) {
        throw CognitoException.notAuthorized("User cannot be confirmed. Current status is " + user.status);
      }
      if (user.code == null || !user.code.value().equals(code)) {
        throw new CognitoException("CodeMismatchException", "Invalid verification code provided, please try again.");
      }
      if (!user.code.expires().isAfter(pool.now())) {
        throw new CognitoException("ExpiredCodeException", "Invalid code provided, please request a code again.");
      }
      // The code went to the email address, which proves it.
      boolean verifiesEmail = user.email() != null;
      confirm(pool, user, clientId, sdk, body.path("ClientMetadata"), verifiesEmail);
      return Json.MAPPER.createObjectNode();
    }
  }

  ObjectNode adminConfirmSignUp(JsonNode body, String sdk) {
    UserPool pool = pools.pool(Requests.required(body, "UserPoolId"));
    String username = Requests.required(body, "Username");
    synchronized (pool) {
      User user = pool.user(username);
      if (user.status != User.Status.UNCONFIRMED) {
        throw CognitoException.notAuthorized("User cannot be confirmed. Current status is " + user.status);
      }
      confirm(pool, user, NO_CLIENT, sdk, body.path("ClientMetadata"), false);
      return Json.MAPPER.createObjectNode();
    }
  }

  ObjectNode resendConfirmationCode(JsonNode body) {
    String clientId = Requests.required(body, "ClientId");
    String username = Requests.required(body, "Username");
    UserPool pool = pools.poolOfClient(clientId);
    SecretHash.check(pool.client(clientId), username, Requests.optional(body, "SecretHash"));
    synchronized (pool) {
      User user = pool.users.get(username);
      if (user == null) {
        throw new CognitoException("UserNotFoundException", "Username/client id combination not found.");
      }
      if (user.status != User.Status.UNCONFIRMED) {
        throw CognitoException.invalidParameter("User is already confirmed.");
      }
      user.code = pool.newCode();
      pools.sent(pool, user, "CONFIRMATION_CODE", user.code.value());
      ObjectNode response = Json.MAPPER.createObjectNode();
      response.set("CodeDeliveryDetails", UserPool.codeDelivery(user));
      return response;
    }
  }

  /** Confirms, then fires the trigger; a failed trigger leaves the user as they were, as Cognito does. */
  private void confirm(UserPool pool, User user, String clientId, String sdk, JsonNode clientMetadata, boolean verifiesEmail) {
    @Nullable String emailVerifiedBefore = user.attributes.get("email_verified");
    User.@Nullable Code codeBefore = user.code;
    user.status = User.Status.CONFIRMED;
    user.code = null;
    if (verifiesEmail) {
      user.attributes.put("email_verified", "true");
    }
    try {
      trigger.fire(payload(pool, user, clientId, sdk, clientMetadata));
    } catch (RuntimeException e) {
      log.warn("Cognito: the PostConfirmation trigger failed for {} in {}: {}", user.username, pool.id, e.getMessage());
      // The user retries with the same code.
      user.status = User.Status.UNCONFIRMED;
      user.code = codeBefore;
      if (emailVerifiedBefore == null) {
        user.attributes.remove("email_verified");
      } else {
        user.attributes.put("email_verified", emailVerifiedBefore);
      }
      throw new CognitoException("UnexpectedLambdaException", "PostConfirmation failed with error " + e.getMessage() + ".");
    }
    user.modified = pool.now();
  }

  /**
   * The PostConfirmation trigger's event: the common parameters of every Cognito trigger and
   * {@code request.userAttributes} with {@code cognito:user_status}
   * (https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-post-confirmation.html).
   */
  static ObjectNode payload(UserPool pool, User user, String clientId, String sdk, JsonNode clientMetadata) {
    ObjectNode event = Json.MAPPER.createObjectNode()
        .put("version", "1")
        .put("region", pool.region)
        .put("userPoolId", pool.id)
        .put("userName", user.username);
    event.putObject("callerContext").put("awsSdkVersion", sdk).put("clientId", clientId);
    event.put("triggerSource", "PostConfirmation_ConfirmSignUp");
    ObjectNode request = event.putObject("request");
    ObjectNode attributes = request.putObject("userAttributes");
    attributes.put("sub", user.sub);
    user.attributes.forEach((name, value) -> {
      if (!name.equals("sub")) {
        attributes.put(name, value);
      }
    });
    attributes.put("cognito:user_status", user.status.name());
    if (clientMetadata.isObject() && !clientMetadata.isEmpty()) {
      request.set("clientMetadata", clientMetadata);
    }
    event.putObject("response");
    return event;
  }
}
