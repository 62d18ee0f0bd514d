package com.bellyfed.analytics;

import com.bellyfed.kit.security.Actor;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.localaws.cognito.CognitoService.SignedIn;
import com.bellyfed.testing.SignedInHttpApi;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The service over real HTTP as one signed-in caller: {@link SignedInHttpApi} with the caller's access token,
 * from local-aws's user pool (the pool's real RS256 keys), in {@code Authorization} on every request. Every API
 * of this service is an admin's, so most tests call it as {@link #admin}.
 */
public final class SignedInApi extends SignedInHttpApi {

  /** The operator every test calls as: a member of the Cognito group {@code admin}. */
  public static final String ADMIN = "analytics-operator";
  /** A signed-in user of the frontend, in no group. */
  public static final String USER = "analytics-plain-user";

  private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();

  private SignedInApi(int port, Supplier<String> authorization) {
    super(port, authorization);
  }

  public static SignedInApi admin(int port, LocalAws localAws) {
    return new SignedInApi(port, () -> "Bearer " + token(localAws, ADMIN, Actor.ADMIN));
  }

  public static SignedInApi user(int port, LocalAws localAws) {
    return new SignedInApi(port, () -> "Bearer " + token(localAws, USER));
  }

  /** A caller sending this exact {@code Authorization} value (a forged or broken token, a wrong scheme). */
  public static SignedInApi authorization(int port, String authorization) {
    return new SignedInApi(port, () -> authorization);
  }

  /** The access token of {@code user} (signed in once per JVM, again shortly before it expires). */
  public static String token(LocalAws localAws, String user, String... groups) {
    return TOKENS.compute(user, (name, held) -> held != null && held.fresh() ? held : Token.of(localAws.signIn(name, groups)))
        .signedIn().accessToken();
  }

  /** {@code Authorization: Bearer <admin's access token>}, for requests sent some other way (e.g. ProblemWalk). */
  public static String[] adminHeader(LocalAws localAws) {
    return new String[] {"Authorization", "Bearer " + token(localAws, ADMIN, Actor.ADMIN)};
  }

  private record Token(SignedIn signedIn, Instant renewAfter) {

    static Token of(SignedIn signedIn) {
      return new Token(signedIn, Instant.now().plusSeconds(signedIn.expiresIn()).minus(Duration.ofMinutes(5)));
    }

    boolean fresh() {
      return Instant.now().isBefore(renewAfter);
    }
  }
}
