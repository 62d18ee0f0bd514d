package com.bellyfed.events.standins;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlResponse;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * The few SQS calls a consumer (and a batch sender) makes, recorded in memory: the unit tests of the consumer's rules
 * check what it asked of SQS. Every other call fails, as the SDK interface's defaults do.
 */
public final class InMemorySqs implements SqsClient {

  /** A ChangeMessageVisibility call. */
  public record VisibilityChange(String queueUrl, String receiptHandle, int seconds) {}

  /** A SendMessage call. */
  public record Sent(String queueUrl, String body, int delaySeconds, Map<String, String> attributes) {}

  public final List<VisibilityChange> visibilityChanges = new CopyOnWriteArrayList<>();
  public final List<Sent> sent = new CopyOnWriteArrayList<>();
  public final List<String> deleted = new CopyOnWriteArrayList<>();
  private final Map<String, String> redrivePolicies = new ConcurrentHashMap<>();
  private volatile boolean sendsFail;
  private final AtomicInteger entriesToRefuse = new AtomicInteger();
  private volatile boolean refusalsAreSendersFault;

  /** A queue whose redrive policy names {@code deadLetterName}; returns its URL. */
  public String queue(String name, String deadLetterName) {
    redrivePolicies.put(url(name), "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:" + deadLetterName
        + "\",\"maxReceiveCount\":3}");
    return url(name);
  }

  public static String url(String name) {
    return "http://sqs.local/000000000000/" + name;
  }

  /** Makes every SendMessage fail from now on, as SQS does when it is down. */
  public void failSends() {
    sendsFail = true;
  }

  /**
   * Makes SendMessageBatch refuse the next {@code entries} entries, each in the batch response's
   * {@code Failed} list rather than with an exception, as SQS does: with
   * {@code senderFault} the caller's fault (the entry is invalid), else SQS's own
   * ({@code InternalFailure}), which a retry may get past.
   * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessageBatch.html
   * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_BatchResultErrorEntry.html
   * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/CommonErrors.html
   */
  public void refuseBatchEntries(int entries, boolean senderFault) {
    refusalsAreSendersFault = senderFault;
    entriesToRefuse.set(entries);
  }

  @Override
  public SendMessageBatchResponse sendMessageBatch(SendMessageBatchRequest request) {
    if (sendsFail) {
      throw SqsException.builder().statusCode(503).message("SQS is down").build();
    }
    List<SendMessageBatchResultEntry> successful = new ArrayList<>();
    List<BatchResultErrorEntry> failed = new ArrayList<>();
    for (SendMessageBatchRequestEntry entry : request.entries()) {
      if (entriesToRefuse.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
        failed.add(BatchResultErrorEntry.builder().id(entry.id()).senderFault(refusalsAreSendersFault)
            .code(refusalsAreSendersFault ? "InvalidParameterValue" : "InternalFailure").message("refused").build());
      } else {
        sent.add(new Sent(request.queueUrl(), entry.messageBody(), entry.delaySeconds() == null ? 0 : entry.delaySeconds(), Map.of()));
        successful.add(SendMessageBatchResultEntry.builder().id(entry.id()).messageId("m-" + sent.size()).build());
      }
    }
    return SendMessageBatchResponse.builder().successful(successful).failed(failed).build();
  }

  @Override
  public ChangeMessageVisibilityResponse changeMessageVisibility(ChangeMessageVisibilityRequest request) {
    visibilityChanges.add(new VisibilityChange(request.queueUrl(), request.receiptHandle(), request.visibilityTimeout()));
    return ChangeMessageVisibilityResponse.builder().build();
  }

  @Override
  public SendMessageResponse sendMessage(SendMessageRequest request) {
    if (sendsFail) {
      throw SqsException.builder().statusCode(503).message("SQS is down").build();
    }
    Map<String, String> attributes = new ConcurrentHashMap<>();
    request.messageAttributes().forEach((name, value) -> attributes.put(name, value.stringValue()));
    sent.add(new Sent(request.queueUrl(), request.messageBody(), request.delaySeconds() == null ? 0 : request.delaySeconds(), attributes));
    return SendMessageResponse.builder().messageId("m-" + sent.size()).build();
  }

  @Override
  public DeleteMessageBatchResponse deleteMessageBatch(DeleteMessageBatchRequest request) {
    request.entries().forEach(entry -> deleted.add(entry.receiptHandle()));
    return DeleteMessageBatchResponse.builder().build();
  }

  @Override
  public GetQueueAttributesResponse getQueueAttributes(GetQueueAttributesRequest request) {
    String policy = redrivePolicies.get(request.queueUrl());
    return GetQueueAttributesResponse.builder()
        .attributes(policy == null ? Map.of() : Map.of(QueueAttributeName.REDRIVE_POLICY, policy))
        .build();
  }

  @Override
  public GetQueueUrlResponse getQueueUrl(GetQueueUrlRequest request) {
    if (request.queueName() == null || request.queueName().isBlank()) {
      throw QueueDoesNotExistException.builder().message("no queue name").build();
    }
    return GetQueueUrlResponse.builder().queueUrl(url(request.queueName())).build();
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {}
}
