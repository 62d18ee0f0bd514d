package com.bellyfed.localaws.edge;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Tells which service and operation a request is for, the way AWS's own endpoints would if they
 * shared one host: the {@code X-Amz-Target} header of the JSON protocols, else the signing scope
 * of the {@code Authorization} header, else a query-protocol {@code Action}.
 */
final class ServiceDetector {

  private static final Pattern CREDENTIAL_SCOPE =
      Pattern.compile("Credential=[^/]+/\\d{8}/[^/]+/([a-z0-9-]+)/aws4_request");

  record Detected(AwsService service, Protocol protocol, String operation) {}

  private ServiceDetector() {}

  static Optional<Detected> detect(
      @Nullable String target, @Nullable String authorization, @Nullable String query, byte[] body, @Nullable String contentType) {
    if (target != null) {
      String operation = target.substring(target.indexOf('.') + 1);
      if (target.startsWith("AmazonSQS.")) {
        return Optional.of(new Detected(AwsService.SQS, Protocol.JSON, operation));
      }
      if (target.startsWith("DynamoDB_20120810.") || target.startsWith("DynamoDBStreams_20120810.")) {
        return Optional.of(new Detected(AwsService.DYNAMODB, Protocol.JSON, operation));
      }
      if (target.startsWith("AWSEvents.")) {
        return Optional.of(new Detected(AwsService.EVENTS, Protocol.JSON, operation));
      }
      if (target.startsWith("AWSCognitoIdentityProviderService.")) {
        return Optional.of(new Detected(AwsService.COGNITO_IDP, Protocol.JSON, operation));
      }
      return Optional.empty();
    }
    String action = formParameter(query, "Action");
    if (action == null && contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
      action = formParameter(new String(body, StandardCharsets.UTF_8), "Action");
    }
    if (action == null) {
      return Optional.empty();
    }
    // Of the emulated services only SQS speaks the query protocol.
    AwsService service = signingService(authorization).orElse(AwsService.SQS);
    return service == AwsService.SQS
        ? Optional.of(new Detected(AwsService.SQS, Protocol.QUERY, action))
        : Optional.empty();
  }

  private static Optional<AwsService> signingService(@Nullable String authorization) {
    if (authorization == null) {
      return Optional.empty();
    }
    Matcher matcher = CREDENTIAL_SCOPE.matcher(authorization);
    return matcher.find() ? AwsService.bySigningName(matcher.group(1)) : Optional.empty();
  }

  private static @Nullable String formParameter(@Nullable String form, String name) {
    if (form == null || form.isEmpty()) {
      return null;
    }
    for (String pair : form.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8).equals(name)) {
        return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
