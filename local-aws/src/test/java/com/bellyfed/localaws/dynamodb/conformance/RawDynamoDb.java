package com.bellyfed.localaws.dynamodb.conformance;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;

/**
 * DynamoDB's AWS JSON 1.0 protocol by hand, signed with SigV4: for requests no SDK sends (wrong JSON
 * types, unknown operations, missing members), whose answers AWS documents all the same. Works
 * against AWS itself as against local-aws.
 */
public final class RawDynamoDb {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI endpoint;
  private final Region region;
  private final AwsCredentialsIdentity credentials;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  RawDynamoDb(URI endpoint, Region region, AwsCredentialsIdentity credentials) {
    this.endpoint = endpoint;
    this.region = region;
    this.credentials = credentials;
  }

  /** An answer: HTTP status, the JSON body (empty where the body is no JSON), the body's bytes and the headers. */
  public record Answer(int status, JsonNode body, byte[] bytes, HttpHeaders headers) {

    /** The error's {@code __type} as sent, e.g. {@code com.amazon.coral.validate#ValidationException}. */
    public String type() {
      return body.path("__type").asString("");
    }

    /** The error's message, which AWS spells {@code message} or {@code Message} depending on the error. */
    public String message() {
      return body.has("message") ? body.path("message").asString("") : body.path("Message").asString("");
    }
  }

  /** Sends {@code body} (JSON text) as operation {@code operation}, e.g. {@code PutItem}. */
  public Answer call(String operation, String body) {
    return call("DynamoDB_20120810." + operation, body, "application/x-amz-json-1.0");
  }

  /** Sends {@code body} as bytes, for bodies no String carries (bytes that are no UTF-8). */
  public Answer call(String operation, byte[] body) {
    return send("DynamoDB_20120810." + operation, body, "application/x-amz-json-1.0");
  }

  /** Sends a request with any target header and content type. */
  public Answer call(String target, String body, String contentType) {
    return send(target, body.getBytes(StandardCharsets.UTF_8), contentType);
  }

  private Answer send(String target, byte[] body, String contentType) {
    SdkHttpRequest unsigned =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(endpoint)
            .putHeader("Content-Type", contentType)
            .putHeader("X-Amz-Target", target)
            .build();
    SignedRequest signed =
        AwsV4HttpSigner.create()
            .sign(
                request ->
                    request
                        .identity(credentials)
                        .request(unsigned)
                        .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "dynamodb")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region.id()));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    signed.request().headers().forEach((name, values) -> {
      if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
        values.forEach(value -> request.header(name, value));
      }
    });
    try {
      HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      String text = new String(response.body(), StandardCharsets.UTF_8);
      JsonNode json = text.isBlank() || !text.startsWith("{") ? JSON.createObjectNode() : JSON.readTree(text);
      return new Answer(response.statusCode(), json, response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
