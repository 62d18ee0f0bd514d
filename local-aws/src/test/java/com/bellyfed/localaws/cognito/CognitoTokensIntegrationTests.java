package com.bellyfed.localaws.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.bellyfed.localaws.junit.LocalAwsTest;
import tools.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminInitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreventUserExistenceErrorTypes;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TimeUnitsType;

@LocalAwsTest
class CognitoTokensIntegrationTests extends CognitoFixtures {



  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html
  // Claims: https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html
  // and https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-id-token.html
  @Test
  void aSignInGivesRs256TokensWithCognitosClaimsVerifiableAgainstThePoolsJwks() throws Exception {
    Pool pool = newPool(PreventUserExistenceErrorTypes.ENABLED);
    String sub = confirmedUser(pool, "gus");
    cognito.createGroup(request -> request.userPoolId(pool.poolId()).groupName("admin"));
    cognito.adminAddUserToGroup(request -> request.userPoolId(pool.poolId()).username("gus").groupName("admin"));
    Instant before = Instant.now().minusSeconds(1);

    AuthenticationResultType result =
        cognito.initiateAuth(request -> request.clientId(pool.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "gus", "PASSWORD", PASSWORD)))
            .authenticationResult();

    assertThat(result.tokenType()).isEqualTo("Bearer");
    assertThat(result.expiresIn()).isEqualTo(3600);
    assertThat(result.refreshToken()).isNotBlank();
    String issuer = localAws.endpoint() + "/" + pool.poolId();
    SignedJWT access = SignedJWT.parse(result.accessToken());
    assertThat(access.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
    assertThat(access.getHeader().getKeyID()).isNotBlank();
    JWTClaimsSet accessClaims = verified(pool.poolId(), result.accessToken());
    assertThat(accessClaims.getSubject()).isEqualTo(sub);
    assertThat(accessClaims.getIssuer()).isEqualTo(issuer);
    assertThat(accessClaims.getStringClaim("token_use")).isEqualTo("access");
    assertThat(accessClaims.getStringClaim("client_id")).isEqualTo(pool.clientId());
    assertThat(accessClaims.getStringClaim("username")).isEqualTo("gus");
    assertThat(accessClaims.getStringClaim("scope")).isEqualTo("aws.cognito.signin.user.admin");
    assertThat(accessClaims.getStringListClaim("cognito:groups")).containsExactly("admin");
    assertThat(accessClaims.getAudience()).isEmpty();
    assertThat(accessClaims.getJWTID()).isNotBlank();
    assertThat(accessClaims.getStringClaim("origin_jti")).isNotBlank();
    assertThat(accessClaims.getStringClaim("event_id")).isNotBlank();
    assertThat(accessClaims.getIssueTime().toInstant()).isAfterOrEqualTo(before.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    assertThat(Duration.between(accessClaims.getIssueTime().toInstant(), accessClaims.getExpirationTime().toInstant())).isEqualTo(Duration.ofHours(1));
    assertThat(accessClaims.getLongClaim("auth_time")).isCloseTo(accessClaims.getIssueTime().toInstant().getEpochSecond(), within(1L));

    JWTClaimsSet id = verified(pool.poolId(), result.idToken());
    assertThat(id.getSubject()).isEqualTo(sub);
    assertThat(id.getIssuer()).isEqualTo(issuer);
    assertThat(id.getStringClaim("token_use")).isEqualTo("id");
    assertThat(id.getAudience()).containsExactly(pool.clientId());
    assertThat(id.getStringClaim("cognito:username")).isEqualTo("gus");
    assertThat(id.getStringClaim("email")).isEqualTo("gus@example.com");
    assertThat(id.getBooleanClaim("email_verified")).isTrue();
    assertThat(id.getStringListClaim("cognito:groups")).containsExactly("admin");
    assertThat(id.getStringClaim("origin_jti")).isEqualTo(accessClaims.getStringClaim("origin_jti"));
  }

  // Without groups, Cognito leaves cognito:groups out rather than sending an empty list.
  // https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html
  @Test
  void aUserWithoutGroupsHasNoGroupsClaim() throws Exception {
    Pool pool = newPool(PreventUserExistenceErrorTypes.ENABLED);
    confirmedUser(pool, "hal");

    JWTClaimsSet claims = verified(pool.poolId(), CognitoFixtures.passwordToken(pool, "hal"));

    assertThat(claims.getClaims()).doesNotContainKey("cognito:groups");
  }

  // https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html
  @Test
  void thePoolPublishesItsKeysAndOpenIdConfigurationBelowTheIssuer() throws Exception {
    Pool pool = newPool(PreventUserExistenceErrorTypes.ENABLED);
    String issuer = localAws.endpoint() + "/" + pool.poolId();

    JsonNode configuration = CognitoFixtures.get("/" + pool.poolId() + "/.well-known/openid-configuration");
    assertThat(configuration.path("issuer").asString("")).isEqualTo(issuer);
    assertThat(configuration.path("jwks_uri").asString("")).isEqualTo(issuer + "/.well-known/jwks.json");
    assertThat(configuration.path("id_token_signing_alg_values_supported").toString()).isEqualTo("[\"RS256\"]");
    assertThat(configuration.path("subject_types_supported").toString()).isEqualTo("[\"public\"]");

    JWKSet jwks = JWKSet.parse(getText("/" + pool.poolId() + "/.well-known/jwks.json").body());
    assertThat(jwks.getKeys()).singleElement().satisfies(key -> {
      assertThat(key.getKeyType()).isEqualTo(KeyType.RSA);
      assertThat(key.getAlgorithm().getName()).isEqualTo("RS256");
      assertThat(key.getKeyUse().identifier()).isEqualTo("sig");
      assertThat(key.isPrivate()).as("only the public key is published").isFalse();
    });
    HttpResponse<String> unknown = getText("/us-east-1_NoSuchPool/.well-known/jwks.json");
    assertThat(unknown.statusCode()).isEqualTo(404);
  }

  // Decision 33: a rotation adds a key that signs from then on; the old one stays published until its tokens expire,
  // as Cognito's JWKS lists every key a valid token may name:
  // https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html
  @Test
  void aKeyRotationKeepsEarlierTokensVerifiable() throws Exception {
    Pool pool = newPool(PreventUserExistenceErrorTypes.ENABLED);
    confirmedUser(pool, "ida");
    String before = CognitoFixtures.passwordToken(pool, "ida");

    HttpResponse<String> rotated = CognitoFixtures.post("/_local-aws/cognito/" + pool.poolId() + "/rotate-keys", "");
    assertThat(rotated.statusCode()).isEqualTo(200);
    String newKid = CognitoFixtures.JSON.readTree(rotated.body()).path("kid").asString("");
    String after = CognitoFixtures.passwordToken(pool, "ida");

    assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo(newKid).isNotEqualTo(SignedJWT.parse(before).getHeader().getKeyID());
    assertThat(JWKSet.parse(getText("/" + pool.poolId() + "/.well-known/jwks.json").body()).getKeys()).hasSize(2);
    assertThat(verified(pool.poolId(), before).getStringClaim("username")).isEqualTo("ida");
    assertThat(verified(pool.poolId(), after).getStringClaim("username")).isEqualTo("ida");
    // GetUser accepts both.
    assertThat(cognito.getUser(request -> request.accessToken(before)).username()).isEqualTo("ida");
    assertThat(cognito.getUser(request -> request.accessToken(after)).username()).isEqualTo("ida");
  }

  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html (REFRESH_TOKEN_AUTH/REFRESH_TOKEN)
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GlobalSignOut.html
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetUser.html
  @Test
  void aRefreshTokenGivesNewTokensUntilTheUserSignsOutEverywhere() throws Exception {
    Pool pool = newPool(PreventUserExistenceErrorTypes.ENABLED);
    String sub = confirmedUser(pool, "jo");
    AuthenticationResultType first =
        cognito.initiateAuth(request -> request.clientId(pool.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "jo", "PASSWORD", PASSWORD)))
            .authenticationResult();

    for (AuthFlowType flow : new AuthFlowType[] {AuthFlowType.REFRESH_TOKEN_AUTH, AuthFlowType.REFRESH_TOKEN}) {
      AuthenticationResultType refreshed =
          cognito.initiateAuth(request -> request.clientId(pool.clientId()).authFlow(flow)
                  .authParameters(Map.of("REFRESH_TOKEN", first.refreshToken())))
              .authenticationResult();
      assertThat(refreshed.refreshToken()).as("a refresh answers without a new refresh token").isNull();
      assertThat(verified(pool.poolId(), refreshed.accessToken()).getSubject()).isEqualTo(sub);
      assertThat(verified(pool.poolId(), refreshed.idToken()).getSubject()).isEqualTo(sub);
    }
    AdminInitiateAuthResponse adminRefresh =
        cognito.adminInitiateAuth(request -> request.userPoolId(pool.poolId()).clientId(pool.clientId())
            .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH).authParameters(Map.of("REFRESH_TOKEN", first.refreshToken())));
    assertThat(adminRefresh.authenticationResult().accessToken()).isNotBlank();

    GetUserResponse user = cognito.getUser(request -> request.accessToken(first.accessToken()));
    assertThat(user.username()).isEqualTo("jo");
    assertThat(user.userAttributes()).anySatisfy(attribute -> {
      assertThat(attribute.name()).isEqualTo("sub");
      assertThat(attribute.value()).isEqualTo(sub);
    });

    cognito.globalSignOut(request -> request.accessToken(first.accessToken()));

    assertThatThrownBy(() -> cognito.initiateAuth(request -> request.clientId(pool.clientId()).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
            .authParameters(Map.of("REFRESH_TOKEN", first.refreshToken()))))
        .isInstanceOfSatisfying(NotAuthorizedException.class, e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Refresh Token has been revoked"));
    assertThatThrownBy(() -> cognito.getUser(request -> request.accessToken(first.accessToken())))
        .isInstanceOfSatisfying(NotAuthorizedException.class, e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Access Token has been revoked"));
    assertThatThrownBy(() -> cognito.initiateAuth(request -> request.clientId(pool.clientId()).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
            .authParameters(Map.of("REFRESH_TOKEN", "not-a-refresh-token"))))
        .isInstanceOfSatisfying(NotAuthorizedException.class, e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Invalid Refresh Token"));
    // A new sign-in starts a new session.
    assertThat(cognito.getUser(request -> request.accessToken(CognitoFixtures.passwordToken(pool, "jo"))).username()).isEqualTo("jo");
  }

  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetUser.html (NotAuthorizedException)
  @Test
  void getUserRefusesATamperedOrForeignToken() throws Exception {
    Pool pool = newPool(PreventUserExistenceErrorTypes.ENABLED);
    confirmedUser(pool, "kim");
    String token = CognitoFixtures.passwordToken(pool, "kim");
    String[] parts = token.split("\\.");
    String tampered = parts[0] + "." + parts[1] + "." + (parts[2].startsWith("A") ? "B" : "A") + parts[2].substring(1);

    for (String bad : new String[] {tampered, "not.a.token", parts[0] + "." + parts[1] + "."}) {
      assertThatThrownBy(() -> cognito.getUser(request -> request.accessToken(bad)))
          .isInstanceOfSatisfying(NotAuthorizedException.class, e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Invalid Access Token"));
    }
  }

  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html (TokenValidityUnits)
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminInitiateAuth.html
  @Test
  void aClientsTokenValidityAndAdminSignInAreHonoured() throws Exception {
    String poolId = cognito.createUserPool(request -> request.poolName("validity")).userPool().id();
    String clientId =
        cognito.createUserPoolClient(request -> request.userPoolId(poolId).clientName("short")
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
                .accessTokenValidity(15).idTokenValidity(30)
                .tokenValidityUnits(units -> units.accessToken(TimeUnitsType.MINUTES).idToken(TimeUnitsType.MINUTES)))
            .userPoolClient().clientId();
    cognito.adminCreateUser(request -> request.userPoolId(poolId).username("lee").temporaryPassword(PASSWORD).messageAction("SUPPRESS"));
    cognito.adminSetUserPassword(request -> request.userPoolId(poolId).username("lee").password(PASSWORD).permanent(true));

    AuthenticationResultType result =
        cognito.adminInitiateAuth(request -> request.userPoolId(poolId).clientId(clientId).authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "lee", "PASSWORD", PASSWORD)))
            .authenticationResult();

    assertThat(result.expiresIn()).isEqualTo(900);
    JWTClaimsSet access = verified(poolId, result.accessToken());
    JWTClaimsSet id = verified(poolId, result.idToken());
    assertThat(Duration.between(access.getIssueTime().toInstant(), access.getExpirationTime().toInstant())).isEqualTo(Duration.ofMinutes(15));
    assertThat(Duration.between(id.getIssueTime().toInstant(), id.getExpirationTime().toInstant())).isEqualTo(Duration.ofMinutes(30));
  }

  // The Java API the services' tests sign in with: the provisioned pool's real tokens, without a password.
  @Test
  void testsGetTheProvisionedPoolsTokensWithoutAPassword() throws Exception {
    ProvisionedPool pool = localAws.userPool();

    CognitoService.SignedIn signedIn = localAws.signIn("api-user", "admin");
    JWTClaimsSet access = verified(pool.userPoolId(), signedIn.accessToken());
    assertThat(access.getSubject()).isEqualTo(signedIn.sub());
    assertThat(access.getIssuer()).isEqualTo(pool.issuer().toString());
    assertThat(access.getStringClaim("client_id")).isEqualTo(pool.clientId());
    assertThat(access.getStringListClaim("cognito:groups")).containsExactly("admin");
    assertThat(verified(pool.userPoolId(), signedIn.idToken()).getStringClaim("email")).isEqualTo("api-user@example.com");
    assertThat(cognito.getUser(request -> request.accessToken(signedIn.accessToken())).username()).isEqualTo("api-user");
    assertThat(localAws.signIn("api-user").sub()).as("the same user again").isEqualTo(signedIn.sub());

    java.util.Date past = java.util.Date.from(Instant.now().minusSeconds(60));
    String expired = localAws.signIn("api-user", claims -> claims.expirationTime(past)).accessToken();
    assertThat(verified(pool.userPoolId(), expired).getExpirationTime().toInstant())
        .isEqualTo(past.toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    assertThatThrownBy(() -> cognito.getUser(request -> request.accessToken(expired)))
        .isInstanceOfSatisfying(NotAuthorizedException.class, e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Access Token has expired"));

    String custom = localAws.cognito().sign(pool.userPoolId(), new JWTClaimsSet.Builder().subject("anyone").claim("token_use", "id").build());
    assertThat(verified(pool.userPoolId(), custom).getStringClaim("token_use")).isEqualTo("id");
  }
}
