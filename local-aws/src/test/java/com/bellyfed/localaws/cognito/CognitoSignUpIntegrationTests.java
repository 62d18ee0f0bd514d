package com.bellyfed.localaws.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bellyfed.localaws.junit.LocalAwsTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreventUserExistenceErrorTypes;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotConfirmedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

@LocalAwsTest
class CognitoSignUpIntegrationTests extends CognitoFixtures {



  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SignUp.html
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ConfirmSignUp.html
  @Test
  void aSignedUpUserIsUnconfirmedUntilTheCodeSentToThemIsEntered() throws Exception {
    Pool pool = newPool(PreventUserExistenceErrorTypes.ENABLED);

    SignUpResponse signedUp =
        cognito.signUp(request -> request.clientId(pool.clientId()).username("ana").password(PASSWORD)
            .userAttributes(attribute -> attribute.name("email").value("ana@example.com")));

    assertThat(signedUp.userConfirmed()).isFalse();
    assertThat(signedUp.userSub()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(signedUp.codeDeliveryDetails().destination()).isEqualTo("a***@e***");
    assertThat(signedUp.codeDeliveryDetails().deliveryMediumAsString()).isEqualTo("EMAIL");
    assertThat(adminGet(pool, "ana").userStatus()).isEqualTo(UserStatusType.UNCONFIRMED);
    // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html
    assertThatThrownBy(() -> CognitoFixtures.passwordToken(pool, "ana"))
        .isInstanceOfSatisfying(UserNotConfirmedException.class, e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User is not confirmed."));

    String code = code(pool.poolId(), "ana");
    assertThat(code).matches("\\d{6}");
    String wrong = code.equals("000000") ? "111111" : "000000";
    assertThatThrownBy(() -> cognito.confirmSignUp(request -> request.clientId(pool.clientId()).username("ana").confirmationCode(wrong)))
        .isInstanceOfSatisfying(CodeMismatchException.class,
            e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Invalid verification code provided, please try again."));
    cognito.confirmSignUp(request -> request.clientId(pool.clientId()).username("ana").confirmationCode(code));

    AdminGetUserResponse confirmed = adminGet(pool, "ana");
    assertThat(confirmed.userStatus()).isEqualTo(UserStatusType.CONFIRMED);
    assertThat(confirmed.userAttributes()).anySatisfy(attribute -> {
      assertThat(attribute.name()).isEqualTo("email_verified");
      assertThat(attribute.value()).isEqualTo("true");
    });
    assertThat(CognitoFixtures.passwordToken(pool, "ana")).isNotBlank();
    // A second confirmation is refused: the user is no longer unconfirmed.
    assertThatThrownBy(() -> cognito.confirmSignUp(request -> request.clientId(pool.clientId()).username("ana").confirmationCode(code)))
        .isInstanceOfSatisfying(NotAuthorizedException.class,
            e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User cannot be confirmed. Current status is CONFIRMED"));
  }

  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ResendConfirmationCode.html
  @Test
  void aResentCodeReplacesTheFirst() throws Exception {
    Pool pool = newPool(PreventUserExistenceErrorTypes.ENABLED);
    cognito.signUp(request -> request.clientId(pool.clientId()).username("bo").password(PASSWORD)
        .userAttributes(attribute -> attribute.name("email").value("bo@example.com")));
    String first = code(pool.poolId(), "bo");

    assertThat(cognito.resendConfirmationCode(request -> request.clientId(pool.clientId()).username("bo")).codeDeliveryDetails().destination())
        .isEqualTo("b***@e***");
    String second = code(pool.poolId(), "bo");

    if (!first.equals(second)) {
      assertThatThrownBy(() -> cognito.confirmSignUp(request -> request.clientId(pool.clientId()).username("bo").confirmationCode(first)))
          .isInstanceOf(CodeMismatchException.class);
    }
    cognito.confirmSignUp(request -> request.clientId(pool.clientId()).username("bo").confirmationCode(second));
    assertThatThrownBy(() -> cognito.resendConfirmationCode(request -> request.clientId(pool.clientId()).username("bo")))
        .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User is already confirmed."));
    assertThatThrownBy(() -> cognito.resendConfirmationCode(request -> request.clientId(pool.clientId()).username("nobody")))
        .isInstanceOfSatisfying(UserNotFoundException.class,
            e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Username/client id combination not found."));
  }

  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SignUp.html (UsernameExistsException)
  @Test
  void aTakenUsernameCannotSignUpAgain() throws Exception {
    Pool pool = newPool(PreventUserExistenceErrorTypes.ENABLED);
    confirmedUser(pool, "cy");

    assertThatThrownBy(() -> cognito.signUp(request -> request.clientId(pool.clientId()).username("cy").password(PASSWORD)))
        .isInstanceOfSatisfying(UsernameExistsException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User already exists");
        });
  }

  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPool.html (Policies.PasswordPolicy)
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SignUp.html (InvalidPasswordException)
  @Test
  void passwordsFollowThePoolsPolicyWithCognitosMessages() {
    // Without a policy, Cognito's default: 8 characters with upper and lower case, a number and a symbol.
    Pool strict = newPool(PreventUserExistenceErrorTypes.ENABLED);
    Map<String, String> refusals = Map.of(
        "Ab1!", "Password not long enough",
        "ABCDEFG1!", "Password must have lowercase characters",
        "abcdefg1!", "Password must have uppercase characters",
        "Abcdefgh!", "Password must have numeric characters",
        "Abcdefgh1", "Password must have symbol characters");
    refusals.forEach((password, reason) ->
        assertThatThrownBy(() -> cognito.signUp(request -> request.clientId(strict.clientId()).username("dee").password(password)))
            .isInstanceOfSatisfying(InvalidPasswordException.class,
                e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Password did not conform with policy: " + reason)));

    String lenientPool =
        cognito.createUserPool(request -> request.poolName("lenient")
                .policies(policies -> policies.passwordPolicy(policy -> policy.minimumLength(12))))
            .userPool().id();
    String client = cognito.createUserPoolClient(request -> request.userPoolId(lenientPool).clientName("web")).userPoolClient().clientId();
    assertThatThrownBy(() -> cognito.signUp(request -> request.clientId(client).username("dee").password("short")))
        .isInstanceOfSatisfying(InvalidPasswordException.class,
            e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Password did not conform with policy: Password not long enough"));
    assertThat(cognito.signUp(request -> request.clientId(client).username("dee").password("twelve chars")).userConfirmed()).isFalse();
  }

  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html (NotAuthorizedException, UserNotFoundException)
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html (PreventUserExistenceErrors)
  @Test
  void aWrongPasswordOrUnknownUserGetsCognitosAnswerForTheClientsSetting() throws Exception {
    Pool hiding = newPool(PreventUserExistenceErrorTypes.ENABLED);
    confirmedUser(hiding, "eve");

    assertThatThrownBy(() -> CognitoFixtures.passwordToken(hiding, "eve", "Wrong-Password-1"))
        .isInstanceOfSatisfying(NotAuthorizedException.class, e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Incorrect username or password."));
    assertThatThrownBy(() -> CognitoFixtures.passwordToken(hiding, "nobody"))
        .isInstanceOfSatisfying(NotAuthorizedException.class, e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Incorrect username or password."));

    Pool legacy = newPool(PreventUserExistenceErrorTypes.LEGACY);
    assertThatThrownBy(() -> CognitoFixtures.passwordToken(legacy, "nobody"))
        .isInstanceOfSatisfying(UserNotFoundException.class, e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User does not exist."));
  }

  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html (AuthFlow)
  @Test
  void aFlowTheClientDoesNotAllowOrLocalAwsDoesNotSupportIsRefused() {
    String poolId = cognito.createUserPool(request -> request.poolName("flows")).userPool().id();
    // Without ExplicitAuthFlows a client allows SRP, custom and refresh-token sign-in, not passwords.
    String clientId = cognito.createUserPoolClient(request -> request.userPoolId(poolId).clientName("web")).userPoolClient().clientId();

    assertThatThrownBy(() -> cognito.initiateAuth(request -> request.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
            .authParameters(Map.of("USERNAME", "a", "PASSWORD", PASSWORD))))
        .isInstanceOfSatisfying(InvalidParameterException.class,
            e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("USER_PASSWORD_AUTH flow not enabled for this client"));
    assertThatThrownBy(() -> cognito.initiateAuth(request -> request.clientId(clientId).authFlow(AuthFlowType.USER_SRP_AUTH)
            .authParameters(Map.of("USERNAME", "a", "SRP_A", "1234"))))
        .isInstanceOfSatisfying(InvalidParameterException.class,
            e -> assertThat(e.awsErrorDetails().errorMessage()).contains("USER_SRP_AUTH is not supported by local-aws"));
  }

  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminConfirmSignUp.html
  @Test
  void anAdministratorCanConfirmWithoutACode() {
    Pool pool = newPool(PreventUserExistenceErrorTypes.ENABLED);
    cognito.signUp(request -> request.clientId(pool.clientId()).username("fay").password(PASSWORD));

    cognito.adminConfirmSignUp(request -> request.userPoolId(pool.poolId()).username("fay"));

    assertThat(adminGet(pool, "fay").userStatus()).isEqualTo(UserStatusType.CONFIRMED);
    assertThatThrownBy(() -> cognito.adminConfirmSignUp(request -> request.userPoolId(pool.poolId()).username("nobody")))
        .isInstanceOfSatisfying(UserNotFoundException.class, e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User does not exist."));
  }

  // Operations local-aws does not emulate answer in Cognito's error shape, naming the operation.
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/CommonErrors.html
  @Test
  void anOperationLocalAwsDoesNotEmulateIsAClearError() {
    assertThatThrownBy(() -> cognito.deleteUserPool(request -> request.userPoolId("us-east-1_whatever")))
        .isInstanceOfSatisfying(CognitoIdentityProviderException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException");
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Cognito operation DeleteUserPool is not supported by local-aws.");
        });
  }

  private static AdminGetUserResponse adminGet(Pool pool, String username) {
    return cognito.adminGetUser(request -> request.userPoolId(pool.poolId()).username(username));
  }

}
