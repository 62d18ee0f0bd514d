package com.bellyfed.systemtests;

import com.bellyfed.testing.HttpApi;
import com.bellyfed.testing.processes.LocalAwsAccess;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import tools.jackson.databind.JsonNode;

/**
 * Users of local-aws's user pool, signed up and in with the Cognito API as the frontend and an operator
 * would: real access tokens, checked by the services against the pool's keys.
 */
public final class Users {

  static final String PASSWORD = "Correct-Horse-9";

  private final CognitoIdentityProviderClient cognito;
  private final HttpApi localAws;
  private final String clientId;
  private final String poolId;

  Users(CognitoIdentityProviderClient cognito, URI endpoint, LocalAwsAccess access) {
    this.cognito = cognito;
    this.localAws = new HttpApi(endpoint.getPort());
    this.clientId = access.clientId();
    // The issuer is {edge}/{poolId} (docs/local-aws-cognito.md).
    this.poolId = access.issuer().substring(access.issuer().lastIndexOf('/') + 1);
  }

  /** A signed-in user: the pool's {@code sub} and the tokens of a password sign-in. */
  public record SignedIn(String username, String sub, String accessToken) {}

  /**
   * SignUp, ConfirmSignUp with the code the pool sent (listed at {@code /_local-aws/cognito/codes}), then
   * InitiateAuth with the password.
   */
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SignUp.html
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ConfirmSignUp.html
  public SignedIn signUp(String username, String email) {
    String sub = cognito.signUp(request -> request.clientId(clientId).username(username).password(PASSWORD)
        .userAttributes(attribute -> attribute.name("email").value(email))).userSub();
    cognito.confirmSignUp(request -> request.clientId(clientId).username(username).confirmationCode(code(username)));
    return signIn(username, sub);
  }

  /**
   * An operator: AdminCreateUser (no invitation sent), AdminSetUserPassword (permanent, so no
   * NEW_PASSWORD_REQUIRED challenge), AdminAddUserToGroup {@code admin}, then InitiateAuth.
   */
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminCreateUser.html
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminSetUserPassword.html
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminAddUserToGroup.html
  public SignedIn admin(String username) {
    String sub = cognito.adminCreateUser(request -> request.userPoolId(poolId).username(username)
            .messageAction(MessageActionType.SUPPRESS)
            .userAttributes(attribute -> attribute.name("email").value(username + "@example.com")))
        .user().attributes().stream().filter(attribute -> attribute.name().equals("sub")).findFirst().orElseThrow().value();
    cognito.adminSetUserPassword(request -> request.userPoolId(poolId).username(username).password(PASSWORD).permanent(true));
    cognito.adminAddUserToGroup(request -> request.userPoolId(poolId).username(username).groupName("admin"));
    return signIn(username, sub);
  }

  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html
  private SignedIn signIn(String username, String sub) {
    AuthenticationResultType tokens = cognito.initiateAuth(request -> request.clientId(clientId)
        .authFlow(AuthFlowType.USER_PASSWORD_AUTH).authParameters(Map.of("USERNAME", username, "PASSWORD", PASSWORD)))
        .authenticationResult();
    return new SignedIn(username, sub, tokens.accessToken());
  }

  private String code(String username) {
    for (JsonNode sent : localAws.get("/_local-aws/cognito/codes").json()) {
      if (sent.path("username").asString("").equals(username) && sent.path("kind").asString("").equals("CONFIRMATION_CODE")) {
        return sent.path("code").asString("");
      }
    }
    throw new AssertionError("local-aws sent no confirmation code to " + username);
  }
}
