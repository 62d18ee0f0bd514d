package com.bellyfed.localaws.faults;

import com.bellyfed.localaws.cloudwatch.CloudWatchService;
import com.bellyfed.localaws.edge.AwsRequest;
import com.bellyfed.localaws.edge.AwsResponse;
import com.bellyfed.localaws.edge.AwsService;
import com.bellyfed.localaws.edge.Protocol;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * The error each service really answers with, in its own protocol, so that SDK clients classify an
 * injected fault as they would the real thing (retryable, throttling, ...).
 */
public final class FaultResponses {

  private FaultResponses() {}

  public static AwsResponse internalError(AwsRequest request) {
    return switch (request.service()) {
      case DYNAMODB ->
          json(500, "application/x-amz-json-1.0", "com.amazonaws.dynamodb.v20120810#InternalServerError", "Internal server error (injected by local-aws)");
      case EVENTS -> json(500, "application/x-amz-json-1.1", "InternalException", "Internal failure (injected by local-aws)");
      case COGNITO_IDP -> json(500, "application/x-amz-json-1.1", "InternalErrorException", "Internal error (injected by local-aws)");
      case SQS -> sqs(request, 500, "InternalError", "Receiver", "Internal error (injected by local-aws)");
      case CLOUDWATCH -> CloudWatchService.fault(500, "InternalServiceError", "InternalServiceFault", "Internal failure (injected by local-aws)");
    };
  }

  public static AwsResponse throttling(AwsRequest request) {
    return switch (request.service()) {
      case DYNAMODB ->
          json(400, "application/x-amz-json-1.0", "com.amazonaws.dynamodb.v20120810#ThrottlingException", "Rate of requests exceeds the allowed throughput (injected by local-aws)");
      case EVENTS -> json(400, "application/x-amz-json-1.1", "ThrottlingException", "Rate exceeded (injected by local-aws)");
      case COGNITO_IDP -> json(400, "application/x-amz-json-1.1", "TooManyRequestsException", "Rate exceeded (injected by local-aws)");
      case SQS -> sqs(request, 400, "RequestThrottled", "Sender", "Request is throttled (injected by local-aws)");
      case CLOUDWATCH -> CloudWatchService.fault(400, "Throttling", "ThrottlingException", "Rate exceeded (injected by local-aws)");
    };
  }

  /**
   * The 503 each service lists among its common errors ({@code ServiceUnavailable}: "The request has failed due to a
   * temporary failure of the server"), which SDKs retry: DynamoDB
   * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/CommonErrors.html, SQS
   * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/CommonErrors.html, EventBridge
   * https://docs.aws.amazon.com/eventbridge/latest/APIReference/CommonErrors.html, Cognito
   * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/CommonErrors.html, CloudWatch
   * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CommonErrors.html.
   */
  public static AwsResponse serviceUnavailable(AwsRequest request, String message) {
    return switch (request.service()) {
      case DYNAMODB -> json(503, "application/x-amz-json-1.0", "com.amazonaws.dynamodb.v20120810#ServiceUnavailable", message);
      case EVENTS -> json(503, "application/x-amz-json-1.1", "ServiceUnavailable", message);
      case COGNITO_IDP -> json(503, "application/x-amz-json-1.1", "ServiceUnavailable", message);
      case SQS -> sqs(request, 503, "ServiceUnavailable", "Receiver", message);
      case CLOUDWATCH -> CloudWatchService.fault(503, "ServiceUnavailable", "ServiceUnavailable", message);
    };
  }

  private static AwsResponse sqs(AwsRequest request, int status, String code, String type, String message) {
    if (request.protocol() == Protocol.JSON) {
      AwsResponse response = json(status, "application/x-amz-json-1.0", "com.amazonaws.sqs#" + code, message);
      return new AwsResponse(
          status,
          Map.of("Content-Type", "application/x-amz-json-1.0", "x-amzn-query-error", code + ";" + type),
          response.body());
    }
    String xml =
        "<ErrorResponse><Error><Type>" + type + "</Type><Code>" + code + "</Code><Message>" + message
            + "</Message><Detail/></Error><RequestId>" + UUID.randomUUID() + "</RequestId></ErrorResponse>";
    return new AwsResponse(status, Map.of("Content-Type", "text/xml"), xml.getBytes(StandardCharsets.UTF_8));
  }

  private static AwsResponse json(int status, String contentType, String type, String message) {
    return AwsResponse.json(status, contentType, "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}");
  }

}
