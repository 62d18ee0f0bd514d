package com.bellyfed.write.support;

import com.bellyfed.kit.security.Actor;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.localaws.cognito.CognitoService.SignedIn;
import com.bellyfed.testing.SignedInHttpApi;
import java.util.UUID;

/**
 * {@link SignedInHttpApi} as one signed-in user of local-aws's pool: every request carries
 * {@code Authorization: Bearer <access token>} from a real sign-in ({@link LocalAws#signIn}).
 */
public final class Caller extends SignedInHttpApi {

  private final SignedIn signedIn;

  private Caller(int port, SignedIn signedIn) {
    super(port, () -> "Bearer " + signedIn.accessToken());
    this.signedIn = signedIn;
  }

  /** A new user of the pool (group {@code user}), named {@code prefix-<random>}. */
  public static Caller user(int port, LocalAws localAws, String prefix) {
    return new Caller(port, localAws.signIn(prefix + "-" + UUID.randomUUID(), "user"));
  }

  /** A new member of the group {@code admin}. */
  public static Caller admin(int port, LocalAws localAws) {
    return new Caller(port, localAws.signIn("admin-" + UUID.randomUUID(), Actor.ADMIN));
  }

  /** The user's id: the token's {@code sub}. */
  public String userId() {
    return signedIn.sub();
  }

  public SignedIn signedIn() {
    return signedIn;
  }

  public String accessToken() {
    return signedIn.accessToken();
  }
}
