package com.bellyfed.imports.cli;

import java.net.URI;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClientBuilder;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;

/**
 * Signs a user in against a Cognito user pool, as the frontend does: InitiateAuth with
 * {@code USER_PASSWORD_AUTH} on the pool's app client, which answers the access token the import API
 * takes. InitiateAuth is an unauthenticated call (no AWS credentials), so none are looked up; locally
 * the endpoint is local-aws's edge.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html">InitiateAuth</a>
 */
final class CognitoSignIn {

  /** Why a sign-in gave no token, in words for the terminal. */
  static final class SignInFailed extends Exception {
    private static final long serialVersionUID = 1L;

    SignInFailed(String message) {
      super(message);
    }
  }

  private CognitoSignIn() {}

  /**
   * The access token of {@code username}.
   *
   * @param endpoint Cognito's endpoint; null for AWS's own in {@code region}
   * @throws SignInFailed when Cognito refuses (wrong password, unknown or unconfirmed user), asks for a
   *     challenge (a new password, MFA) or cannot be reached
   */
  static String accessToken(String clientId, String region, @Nullable URI endpoint, String username, String password) throws SignInFailed {
    CognitoIdentityProviderClientBuilder builder = CognitoIdentityProviderClient.builder()
        .region(Region.of(region))
        .credentialsProvider(AnonymousCredentialsProvider.create())
        .httpClientBuilder(UrlConnectionHttpClient.builder());
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    String where = endpoint != null ? endpoint.toString() : "Cognito in " + region;
    try (CognitoIdentityProviderClient cognito = builder.build()) {
      InitiateAuthResponse response = cognito.initiateAuth(request -> request
          .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
          .clientId(clientId)
          .authParameters(Map.of("USERNAME", username, "PASSWORD", password)));
      if (response.authenticationResult() == null || response.authenticationResult().accessToken() == null) {
        throw new SignInFailed("Signing in as " + username + " needs the challenge " + response.challengeNameAsString()
            + " (e.g. a new password) first; complete it with the AWS CLI or the web app, then try again.");
      }
      return response.authenticationResult().accessToken();
    } catch (CognitoIdentityProviderException refused) {
      String message = refused.awsErrorDetails() != null && refused.awsErrorDetails().errorMessage() != null
          ? refused.awsErrorDetails().errorMessage() : refused.getMessage();
      String code = refused.awsErrorDetails() != null ? refused.awsErrorDetails().errorCode() : "refused";
      throw new SignInFailed("Could not sign in as " + username + ": " + message + " (" + code + ")");
    } catch (SdkClientException unreachable) {
      throw new SignInFailed("Could not reach " + where + " to sign in: " + unreachable.getMessage());
    }
  }
}
