package com.bellyfed.testing;

import com.bellyfed.testing.HttpApi.Answer;
import java.io.InputStream;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * {@link HttpApi} as one signed-in caller: every request carries an {@code Authorization} header. Its value
 * is asked for before each request, so that a caller can renew an expiring token or send a broken one on
 * purpose. A service's tests extend this with how they sign in (e.g. to local-aws's user pool), which this
 * module does not know.
 */
public class SignedInHttpApi {

  private final HttpApi http;
  private final Supplier<String> authorization;

  /** @param authorization the whole header value, e.g. {@code "Bearer " + accessToken} */
  protected SignedInHttpApi(int port, Supplier<String> authorization) {
    this.http = new HttpApi(port);
    this.authorization = authorization;
  }

  public Answer get(String path, String... headers) {
    return http.get(path, withAuthorization(headers));
  }

  public Answer post(String path, String body, String... headers) {
    return http.post(path, body, withAuthorization(headers));
  }

  public Answer post(String path, Supplier<InputStream> body, String... headers) {
    return http.post(path, body, withAuthorization(headers));
  }

  public Answer put(String path, String body, String... headers) {
    return http.put(path, body, withAuthorization(headers));
  }

  public Answer delete(String path, String... headers) {
    return http.delete(path, withAuthorization(headers));
  }

  public Answer send(String method, String path, String body, String... headers) {
    return http.send(method, path, body, withAuthorization(headers));
  }

  /** {@code headers} (name, value pairs) with this caller's {@code Authorization} added. */
  public String[] withAuthorization(String... headers) {
    String[] all = Arrays.copyOf(headers, headers.length + 2);
    all[headers.length] = "Authorization";
    all[headers.length + 1] = authorization.get();
    return all;
  }
}
