package com.bellyfed.write.web;

import com.bellyfed.data.Attributes;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.kit.problem.InvalidRequestException;
import com.bellyfed.kit.security.Actor;
import com.bellyfed.write.WriteProperties;
import com.bellyfed.write.writing.CommitConflict;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} on POST: the key and the first response are stored in the
 * idempotency-keys table <em>in the same transaction</em> as the entity, so a retry finds either
 * nothing (and writes) or the committed response (and replays it), never a half-done state. A
 * retry with the same key and a different body (method, path or JSON) answers 422. Keys are the
 * caller's: stored under the user's id, so that another user's request with the same key neither
 * replays this user's answer nor is refused because of it.
 */
@Component
public class IdempotencyKeys {

  public static final String HEADER = "Idempotency-Key";
  public static final String REPLAYED_HEADER = "Idempotent-Replayed";
  private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final JsonMapper json;
  private final WriteProperties settings;
  private final Clock clock = Clock.systemUTC();

  IdempotencyKeys(DynamoDbClient dynamoDb, Topology topology, JsonMapper json, WriteProperties settings) {
    this.dynamoDb = dynamoDb;
    this.table = topology.table("idempotency-keys").name();
    this.json = json;
    this.settings = settings;
  }

  /** A write that adds {@code alsoCommit(response)} to its own transaction and answers with that response. */
  @FunctionalInterface
  public interface Write<V> {
    ResponseEntity<V> write(Function<ResponseEntity<V>, List<TransactWriteItem>> alsoCommit);
  }

  /**
   * Runs {@code write} once per key: without a key, simply runs it; with a key seen before, replays
   * the stored response (same request) or answers 422 (another request).
   */
  public <V> ResponseEntity<V> create(
      @Nullable String key, Actor actor, HttpServletRequest request, Object body, Class<V> type, Write<V> write) {
    if (key == null) {
      return write.write(response -> List.of());
    }
    if (!VALID_KEY.matcher(key).matches()) {
      throw InvalidRequestException.of("Idempotency-Key", "must be 1 to 255 visible ASCII characters");
    }
    String fingerprint = fingerprint(request, body);
    // sub values never contain '/', so no two users' keys can meet.
    String storedKey = actor.userId() + "/" + key;
    Map<String, AttributeValue> stored = find(storedKey);
    if (stored != null) {
      return replay(key, stored, fingerprint, type);
    }
    try {
      return write.write(response -> List.of(record(storedKey, fingerprint, response)));
    } catch (CommitConflict conflict) {
      // Possibly a concurrent retry with the same key committed first: answer as if it came before.
      Map<String, AttributeValue> raced = find(storedKey);
      if (raced != null) {
        return replay(key, raced, fingerprint, type);
      }
      throw conflict;
    }
  }

  private <V> ResponseEntity<V> replay(String key, Map<String, AttributeValue> stored, String fingerprint, Class<V> type) {
    if (!fingerprint.equals(Attributes.string(stored, "fingerprint"))) {
      throw problem(
          HttpStatusCode.valueOf(422),
          "Idempotency-Key reused",
          "Idempotency-Key '" + key + "' was used for a different request; use a new key for a new request");
    }
    ResponseEntity.BodyBuilder response = ResponseEntity.status((int) Attributes.number(stored, "status")).header(REPLAYED_HEADER, "true");
    String location = Attributes.string(stored, "location");
    if (location != null) {
      response.location(URI.create(location));
    }
    String etag = Attributes.string(stored, "etag");
    if (etag != null) {
      response.eTag(etag);
    }
    return response.body(json.readValue(Attributes.string(stored, "body"), type));
  }

  private <V> TransactWriteItem record(String key, String fingerprint, ResponseEntity<V> response) {
    HttpHeaders headers = response.getHeaders();
    Map<String, AttributeValue> item = new java.util.HashMap<>(Map.of(
        "idempotencyKey", Attributes.s(key),
        "fingerprint", Attributes.s(fingerprint),
        "status", Attributes.n(response.getStatusCode().value()),
        "body", Attributes.s(json.writeValueAsString(response.getBody())),
        "createdAt", Attributes.s(clock.instant().toString()),
        "expiresAt", Attributes.n(clock.instant().plus(settings.idempotencyKeyRetention()).getEpochSecond())));
    if (headers.getLocation() != null) {
      item.put("location", Attributes.s(headers.getLocation().toString()));
    }
    if (headers.getETag() != null) {
      item.put("etag", Attributes.s(headers.getETag()));
    }
    return TransactWriteItem.builder()
        .put(put -> put.tableName(table).item(item)
            .conditionExpression("attribute_not_exists(idempotencyKey) OR expiresAt < :now")
            .expressionAttributeValues(Map.of(":now", Attributes.n(clock.instant().getEpochSecond()))))
        .build();
  }

  private @Nullable Map<String, AttributeValue> find(String key) {
    var found = dynamoDb.getItem(request -> request.tableName(table).key(Map.of("idempotencyKey", Attributes.s(key))).consistentRead(true));
    if (!found.hasItem() || found.item().isEmpty()) {
      return null;
    }
    long expiresAt = Attributes.number(found.item(), "expiresAt");
    // DynamoDB deletes expired items some time after their TTL: until then they are not to be replayed.
    return expiresAt < clock.instant().getEpochSecond() ? null : found.item();
  }

  /** Method, path and the body as re-serialized after binding, so that formatting does not matter. */
  private String fingerprint(HttpServletRequest request, Object body) {
    String canonical = request.getMethod() + " " + request.getRequestURI() + "\n" + json.writeValueAsString(body);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static ErrorResponseException problem(HttpStatusCode status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return new ErrorResponseException(status, problem, null);
  }
}
