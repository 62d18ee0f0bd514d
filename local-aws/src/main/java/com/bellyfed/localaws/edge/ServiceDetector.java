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
 * of the {@code Authorization} header, else a query-protocol {@code Action}; Smithy RPC v2 requests by
 * their {@code smithy-protocol} header and {@code /service/{service}/operation/{operation}} path.
 */
final class ServiceDetector {

  private static final Pattern CREDENTIAL_SCOPE =
      Pattern.compile("Credential=[^/]+/\\d{8}/[^/]+/([a-z0-9-]+)/aws4_request");

  private static final Pattern RPC_V2_PATH = Pattern.compile("/service/([A-Za-z0-9_]+)/operation/([A-Za-z0-9_]+)");

  record Detected(AwsService service, Protocol protocol, String operation) {}

  private ServiceDetector() {}

  static Optional<Detected> detect(
      @Nullable String target,
      @Nullable String authorization,
      @Nullable String query,
      byte[] body,
      @Nullable String contentType,
      String path,
      @Nullable String smithyProtocol) {
    if ("rpc-v2-cbor".equals(smithyProtocol)) {
      Matcher matcher = RPC_V2_PATH.matcher(path);
      // https://smithy.io/2.0/additional-specs/protocols/smithy-rpc-v2.html: POST /service/{ServiceName}/operation/{OperationName}
      if (matcher.matches() && matcher.group(1).equals("GraniteServiceVersion20100801")) {
        return Optional.of(new Detected(AwsService.CLOUDWATCH, Protocol.RPC_V2_CBOR, matcher.group(2)));
      }
      return Optional.empty();
    }
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
