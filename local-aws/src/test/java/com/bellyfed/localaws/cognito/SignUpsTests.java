package com.bellyfed.localaws.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bellyfed.localaws.Json;
import tools.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignUpsTests {

  private final MovableClock clock = new MovableClock();
  private final UserPools pools = new UserPools("us-east-1", "000000000000", "http://localhost:4566", null, clock);
  private final List<ObjectNode> triggered = new ArrayList<>();

  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ConfirmSignUp.html
  // (ExpiredCodeException; a sign-up code is valid for 24 hours)
  @Test
  void aCodeOlderThanADayHasExpiredAndANewOneIsNeeded() {
    SignUps signUps = new SignUps(pools, triggered::add);
    String clientId = client();
    signUps.signUp(Json.MAPPER.createObjectNode().put("ClientId", clientId).put("Username", "old").put("Password", "Correct-Horse-9"));
    String code = pools.codes().get(0).code();

    clock.advance(Duration.ofHours(24).plusSeconds(1));

    assertThatThrownBy(() -> signUps.confirmSignUp(confirm(clientId, code), "aws-sdk-java-2"))
        .isInstanceOfSatisfying(CognitoException.class, e -> {
          assertThat(e.type()).isEqualTo("ExpiredCodeException");
          assertThat(e.getMessage()).isEqualTo("Invalid code provided, please request a code again.");
        });
    signUps.resendConfirmationCode(Json.MAPPER.createObjectNode().put("ClientId", clientId).put("Username", "old"));
    signUps.confirmSignUp(confirm(clientId, pools.codes().get(1).code()), "aws-sdk-java-2");
    assertThat(triggered).hasSize(1);
  }

  // A PostConfirmation Lambda that throws fails the confirmation (UnexpectedLambdaException) and the user stays unconfirmed.
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ConfirmSignUp.html (UnexpectedLambdaException)
  @Test
  void aFailingTriggerLeavesTheUserUnconfirmed() {
    SignUps failing = new SignUps(pools, payload -> {
      throw new IllegalStateException("bus unavailable");
    });
    String clientId = client();
    failing.signUp(Json.MAPPER.createObjectNode().put("ClientId", clientId).put("Username", "ann").put("Password", "Correct-Horse-9"));
    String code = pools.codes().get(0).code();

    assertThatThrownBy(() -> failing.confirmSignUp(confirm(clientId, code).put("Username", "ann"), "aws-sdk-java-2"))
        .isInstanceOfSatisfying(CognitoException.class, e -> assertThat(e.type()).isEqualTo("UnexpectedLambdaException"));

    new SignUps(pools, triggered::add).confirmSignUp(confirm(clientId, code).put("Username", "ann"), "aws-sdk-java-2");
    assertThat(triggered).singleElement().satisfies(payload ->
        assertThat(payload.path("request").path("userAttributes").path("cognito:user_status").asString("")).isEqualTo("CONFIRMED"));
  }

  private String client() {
    String poolId = pools.createUserPool(Json.MAPPER.createObjectNode().put("PoolName", "p")).path("UserPool").path("Id").asString("");
    return pools.createUserPoolClient(Json.MAPPER.createObjectNode().put("UserPoolId", poolId).put("ClientName", "c"))
        .path("UserPoolClient").path("ClientId").asString("");
  }

  private static ObjectNode confirm(String clientId, String code) {
    return Json.MAPPER.createObjectNode().put("ClientId", clientId).put("Username", "old").put("ConfirmationCode", code);
  }

  /** A clock the test moves forward. */
  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
