package com.bellyfed.localaws.cognito;

import com.bellyfed.localaws.Json;
import com.bellyfed.localaws.edge.AwsRequest;
import com.bellyfed.localaws.edge.AwsResponse;
import com.bellyfed.localaws.edge.ServiceBackend;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Collection;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the {@code AWSCognitoIdentityProviderService.*} operations of the AWS JSON 1.1 protocol on
 * the edge, and gives tests and the {@code token} command signed tokens without a password.
 */
public final class CognitoService implements ServiceBackend {

  private static final Logger log = LoggerFactory.getLogger(CognitoService.class);
  private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

  private final UserPools pools;
  private final SignUps signUps;
  private final SignIns signIns;
  private final UserAdministration users;

  public CognitoService(UserPools pools, PostConfirmationTrigger trigger) {
    this.pools = pools;
    this.signUps = new SignUps(pools, trigger);
    this.signIns = new SignIns(pools);
    this.users = new UserAdministration(pools);
  }

  public UserPools pools() {
    return pools;
  }

  @Override
  public AwsResponse handle(AwsRequest request) {
    try {
      JsonNode body = request.body().length == 0 ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(request.body());
      return AwsResponse.json(200, CONTENT_TYPE, dispatch(request.operation(), body, sdk(request.header("User-Agent"))).toString());
    } catch (JacksonException e) {
      return error(new CognitoException("SerializationException", "Request body is not JSON: " + e.getOriginalMessage()));
    } catch (CognitoException e) {
      return error(e);
    } catch (RuntimeException e) {
      log.warn("Cognito {} failed", request.operation(), e);
      return error(new CognitoException("InternalErrorException", e.toString(), 500));
    }
  }

  private JsonNode dispatch(String operation, JsonNode body, String sdk) {
    return switch (operation) {
      case "CreateUserPool" -> pools.createUserPool(body);
      case "DescribeUserPool" -> pools.describeUserPool(body);
      case "ListUserPools" -> pools.listUserPools(body);
      case "CreateUserPoolClient" -> pools.createUserPoolClient(body);
      case "DescribeUserPoolClient" -> pools.describeUserPoolClient(body);
      case "ListUserPoolClients" -> pools.listUserPoolClients(body);
      case "CreateGroup" -> pools.createGroup(body);
      case "SignUp" -> signUps.signUp(body);
      case "ConfirmSignUp" -> signUps.confirmSignUp(body, sdk);
      case "AdminConfirmSignUp" -> signUps.adminConfirmSignUp(body, sdk);
      case "ResendConfirmationCode" -> signUps.resendConfirmationCode(body);
      case "InitiateAuth" -> signIns.initiateAuth(body);
      case "AdminInitiateAuth" -> signIns.adminInitiateAuth(body);
      case "GetUser" -> signIns.getUser(body);
      case "GlobalSignOut" -> signIns.globalSignOut(body);
      case "AdminCreateUser" -> users.adminCreateUser(body);
      case "AdminGetUser" -> users.adminGetUser(body);
      case "AdminSetUserPassword" -> users.adminSetUserPassword(body);
      case "ListUsers" -> users.listUsers(body);
      case "AdminAddUserToGroup" -> users.adminAddUserToGroup(body);
      default ->
          throw new CognitoException(
              "UnknownOperationException", "Cognito operation " + operation + " is not supported by local-aws.");
    };
  }

  /** Cognito's {@code callerContext.awsSdkVersion}: the User-Agent's product, e.g. {@code aws-sdk-java-2.59.1}. */
  private static String sdk(@Nullable String userAgent) {
    if (userAgent != null) {
      String product = userAgent.split(" ")[0];
      int slash = product.indexOf('/');
      if (slash > 0 && slash < product.length() - 1) {
        return product.substring(0, slash) + "-" + product.substring(slash + 1);
      }
    }
    return "aws-sdk-unknown-unknown";
  }

  private static AwsResponse error(CognitoException e) {
    String body = Json.MAPPER.createObjectNode().put("__type", e.type()).put("message", e.getMessage()).toString();
    return new AwsResponse(
        e.status(),
        java.util.Map.of("Content-Type", CONTENT_TYPE, "x-amzn-ErrorType", e.type() + ":", "x-amzn-RequestId", UUID.randomUUID().toString()),
        body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Tokens of one sign-in, as InitiateAuth's {@code AuthenticationResult} holds them. */
  public record SignedIn(String sub, String accessToken, String idToken, String refreshToken, long expiresIn) {}

  /**
   * Signs a user in without a password, for tests and {@code local-aws token}: creates the user
   * (confirmed, with {@code email} {@code username@example.com} unless it exists) and adds them to
   * {@code groups}, creating missing groups.
   *
   * @param adjustAccess changes the access token's claims before it is signed (e.g. an expiry in the past)
   */
  public SignedIn signIn(
      String poolId, String clientId, String username, Collection<String> groups, UnaryOperator<JWTClaimsSet.Builder> adjustAccess) {
    UserPool pool = pools.pool(poolId);
    AppClient client = pool.client(clientId);
    synchronized (pool) {
      User user = pool.users.get(username);
      if (user == null) {
        // A random password nobody learns: this user signs in only through here.
        user = new User(username, UUID.randomUUID().toString(), PasswordHasher.hash(UUID.randomUUID().toString()), User.Status.CONFIRMED, pool.now());
        user.attributes.put("email", username.contains("@") ? username : username + "@example.com");
        user.attributes.put("email_verified", "true");
        pool.users.put(username, user);
      }
      for (String group : groups) {
        if (!pool.groups.containsKey(group)) {
          pools.createGroup(Json.MAPPER.createObjectNode().put("GroupName", group).put("UserPoolId", poolId));
        }
        user.groups.add(group);
      }
      ObjectNode result = (ObjectNode) signIns.signedIn(pool, client, user, adjustAccess).get("AuthenticationResult");
      return new SignedIn(
          user.sub,
          result.get("AccessToken").asString(""),
          result.get("IdToken").asString(""),
          result.get("RefreshToken").asString(""),
          result.get("ExpiresIn").asLong());
    }
  }

  /** Signs any claims with the pool's active key: for tests of how a resource server treats odd tokens. */
  public String sign(String poolId, JWTClaimsSet claims) {
    return Tokens.sign(pools.pool(poolId).keys.active(), claims);
  }
}
