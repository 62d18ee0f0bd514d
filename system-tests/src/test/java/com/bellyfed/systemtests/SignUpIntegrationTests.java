package com.bellyfed.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bellyfed.testing.HttpApi;
import com.bellyfed.testing.HttpApi.Answer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Sign-up as the frontend does it, with the Cognito API against local-aws's user pool: the confirmation
 * fires Cognito's PostConfirmation onto the auth bus, write-service creates the user, and query-service
 * shows them.
 */
@SystemTest
class SignUpIntegrationTests {

  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SignUp.html
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ConfirmSignUp.html
  @Test
  void aUserWhoSignsUpShowsUpInWriteServiceAndInQueryService(Suite suite) {
    String username = "signup-" + UUID.randomUUID().toString().substring(0, 8);
    Users.SignedIn user = suite.users().signUp(username, username + "@example.com");

    // query-service reads the users table write-service filled from the auth bus.
    await("the new user in query-service").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
        .until(() -> suite.query().get("/api/users/" + user.sub() + "/profile").status() == 200);
    Answer profile = suite.query().get("/api/users/" + user.sub() + "/profile");
    assertThat(profile.json().path("userId").asString()).isEqualTo(user.sub());
    assertThat(profile.json().path("userName").asString()).isEqualTo(username);
    assertThat(profile.json().has("email")).as("a profile page leaves out the email").isFalse();

    // write-service knows the user: their first profile replaces the account's item (200), it does not create one (201).
    Answer written = suite.as(user, "write-service").put("/api/users/" + user.sub() + "/profile",
        HttpApi.json(Map.of("displayName", "Signed Up", "city", "Penang")));
    assertThat(written.status()).as(written.body()).isEqualTo(200);

    await("the profile in query-service").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
        .until(() -> "Signed Up".equals(suite.query().get("/api/users/" + user.sub() + "/profile").json().path("displayName").asString(null)));
    Answer shown = suite.query().get("/api/users/" + user.sub() + "/profile");
    assertThat(shown.json().path("city").asString()).isEqualTo("Penang");
    assertThat(shown.json().path("userName").asString()).isEqualTo(username);
  }
}
