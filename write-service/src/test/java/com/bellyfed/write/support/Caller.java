package com.bellyfed.write.support;

import com.bellyfed.kit.security.Actor;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.localaws.cognito.CognitoService.SignedIn;
import com.bellyfed.testing.HttpApi;
import com.bellyfed.testing.HttpApi.Answer;
import java.util.Arrays;
import java.util.UUID;

/**
 * {@link HttpApi} as one signed-in user of local-aws's pool: every request carries
 * {@code Authorization: Bearer <access token>} from a real sign-in ({@link LocalAws#signIn}).
 */
public final class Caller {

  private final HttpApi api;
  private final SignedIn signedIn;

  private Caller(HttpApi api, SignedIn signedIn) {
    this.api = api;
    this.signedIn = signedIn;
  }

  /** A new user of the pool (group {@code user}), named {@code prefix-<random>}. */
  public static Caller user(int port, LocalAws localAws, String prefix) {
    return new Caller(new HttpApi(port), localAws.signIn(prefix + "-" + UUID.randomUUID(), "user"));
  }

  /** A new member of the group {@code admin}. */
  public static Caller admin(int port, LocalAws localAws) {
    return new Caller(new HttpApi(port), localAws.signIn("admin-" + UUID.randomUUID(), Actor.ADMIN));
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

  public Answer post(String path, String body, String... headers) {
    return api.post(path, body, withToken(headers));
  }

  public Answer put(String path, String body, String... headers) {
    return api.put(path, body, withToken(headers));
  }

  public Answer delete(String path, String... headers) {
    return api.delete(path, withToken(headers));
  }

  public Answer send(String method, String path, String body, String... headers) {
    return api.send(method, path, body, withToken(headers));
  }

  /** {@code headers} (name, value pairs) with this user's {@code Authorization} added. */
  public String[] withToken(String... headers) {
    String[] all = Arrays.copyOf(headers, headers.length + 2);
    all[headers.length] = "Authorization";
    all[headers.length + 1] = "Bearer " + signedIn.accessToken();
    return all;
  }
}
