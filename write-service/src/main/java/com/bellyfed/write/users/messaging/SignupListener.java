package com.bellyfed.write.users.messaging;

import com.bellyfed.events.consuming.InboundMessage;
import com.bellyfed.events.consuming.ReliableConsumer;
import com.bellyfed.events.consuming.ReliableConsumer.Outcome;
import com.bellyfed.events.envelope.EnvelopeJson;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.listener.RetryLaterException;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.kit.security.SecurityProperties;
import com.bellyfed.write.users.CognitoSignup;
import com.bellyfed.write.users.Signups;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import io.awspring.cloud.sqs.annotation.SqsListener;
import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Consumes the user-signup queue. Its messages are not Bellyfed envelopes: Cognito's trigger
 * payload is the detail as it is. The {@link ReliableConsumer} would dead-letter every one of them
 * as unparseable, so this listener reads the payload itself, dead-letters a malformed one with the
 * reason, and hands a valid one to the consumer wrapped in an envelope whose id is derived from
 * the pool and {@code sub}: every delivery of one sign-up, even one put on the bus twice, then has
 * the same id for the idempotency guard, and the consumer's backoff, heartbeat, correlation and
 * metrics apply as for any event.
 *
 * <p>The user id it creates is trusted everywhere afterwards, so it takes only what the auth bus's
 * {@code user-signup} rule routes (source {@code bellyfed.auth}, detail-type {@code PostConfirmation}) and
 * only sign-ups of the pool whose tokens this service accepts ({@code bellyfed.security.issuer-uri}); a
 * message put on the queue by anything else is dead-lettered with the reason, like a malformed one.
 */
@Component
class SignupListener {

  static final String SIGNUP_EVENT_TYPE = "auth.signup.confirmed";
  static final String SOURCE = "bellyfed.auth";
  static final String DETAIL_TYPE = "PostConfirmation";
  private static final Logger log = LoggerFactory.getLogger(SignupListener.class);

  private final ReliableConsumer consumer;
  private final Signups signups;
  private final SqsClient sqs;
  private final EnvelopeJson json;
  private final String deadLetterQueue;
  private final String trustedPool;
  private final Counter malformed;
  private volatile @Nullable String deadLetterQueueUrl;

  SignupListener(ReliableConsumer consumer, Signups signups, SqsClient sqs, EnvelopeJson json, Topology topology, MeterRegistry registry,
      SecurityProperties security) {
    this.consumer = consumer;
    this.signups = signups;
    this.sqs = sqs;
    this.json = json;
    this.deadLetterQueue = topology.deadLetterQueue("user-signup").name();
    this.trustedPool = poolOf(security);
    this.malformed = Counter.builder("bellyfed.write.signups").tag("outcome", "malformed").register(registry);
  }

  @SqsListener(value = "#{@bellyfedTopology.queue('user-signup').name()}", id = "user-signup")
  void receive(Message<String> message) {
    InboundMessage inbound = inbound(message);
    JsonNode event;
    CognitoSignup signup;
    try {
      event = json.readTree(inbound.body());
      if (event == null || !event.path("detail").isObject()) {
        throw new IllegalArgumentException("the body is not an EventBridge event with a detail object");
      }
      if (!SOURCE.equals(event.path("source").asString("")) || !DETAIL_TYPE.equals(event.path("detail-type").asString(""))) {
        throw new IllegalArgumentException("source and detail-type must be " + SOURCE + " and " + DETAIL_TYPE + ", were '"
            + event.path("source").asString("") + "' and '" + event.path("detail-type").asString("") + "'");
      }
      signup = CognitoSignup.parse(event.path("detail"));
      if (signup != null && !trustedPool.equals(signup.userPoolId())) {
        throw new IllegalArgumentException("userPoolId must be " + trustedPool + " (the pool of bellyfed.security.issuer-uri), was '"
            + signup.userPoolId() + "'");
      }
    } catch (Exception malformedPayload) {
      deadLetter(inbound, malformedPayload.getMessage());
      return;
    }
    if (signup == null) {
      return;
    }
    InboundMessage wrapped = new InboundMessage(
        inbound.queueUrl(), inbound.messageId(), inbound.receiptHandle(), wrap(event, signup), inbound.receiveCount());
    Outcome outcome = consumer.handle(Signups.CONSUMER, wrapped, envelope -> signups.on(signup, envelope.eventId()));
    if (outcome == Outcome.RETRY_LATER) {
      throw new RetryLaterException(Signups.CONSUMER + " failed; the message comes back after its backoff");
    }
  }

  /** The EventBridge event with an envelope as its detail: the Cognito payload as data, the sign-up's stable id as event id. */
  private String wrap(JsonNode event, CognitoSignup signup) {
    String stableId = UUID.nameUUIDFromBytes(
        ("cognito:" + signup.userPoolId() + ":" + signup.sub()).getBytes(StandardCharsets.UTF_8)).toString();
    String eventBridgeId = event.path("id").asString(stableId);
    Instant time;
    try {
      time = Instant.parse(event.path("time").asString(""));
    } catch (RuntimeException noTime) {
      time = Instant.now();
    }
    EventEnvelope envelope = new EventEnvelope(
        stableId, SIGNUP_EVENT_TYPE, 1, "bellyfed.auth", time, eventBridgeId, null, 0, signup.sub(), event.path("detail"),
        Map.of("service", "cognito"));
    ObjectNode copy = ((ObjectNode) event).deepCopy();
    copy.set("detail", json.tree(envelope));
    return copy.toString();
  }

  private void deadLetter(InboundMessage message, @Nullable String reason) {
    String why = reason == null ? "malformed" : reason.length() > 1000 ? reason.substring(0, 1000) : reason;
    String url = deadLetterQueueUrl;
    if (url == null) {
      url = sqs.getQueueUrl(request -> request.queueName(deadLetterQueue)).queueUrl();
      deadLetterQueueUrl = url;
    }
    String target = url;
    sqs.sendMessage(request -> request.queueUrl(target).messageBody(message.body()).messageAttributes(Map.of(
        "ParseError", text(why),
        "SourceQueue", text(message.queueUrl()),
        "Consumer", text(Signups.CONSUMER))));
    malformed.increment();
    log.warn("Sent malformed sign-up message {} to {}: {}", message.messageId(), deadLetterQueue, why);
  }

  /** The pool id is the issuer's last path segment: {@code https://cognito-idp.<region>.amazonaws.com/<poolId>}, or local-aws's. */
  private static String poolOf(SecurityProperties security) {
    String issuer = String.valueOf(security.issuerUri());
    return issuer.substring(issuer.lastIndexOf('/') + 1);
  }

  private static InboundMessage inbound(Message<?> message) {
    software.amazon.awssdk.services.sqs.model.Message raw =
        message.getHeaders().get(SqsHeaders.SQS_SOURCE_DATA_HEADER, software.amazon.awssdk.services.sqs.model.Message.class);
    String queueUrl = message.getHeaders().get(SqsHeaders.SQS_QUEUE_URL_HEADER, String.class);
    if (raw == null || queueUrl == null) {
      throw new IllegalArgumentException("Not a message of a Spring Cloud AWS SQS listener: its SQS headers are missing");
    }
    String receiveCount = raw.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
    return new InboundMessage(queueUrl, raw.messageId(), raw.receiptHandle(), raw.body(), receiveCount == null ? 1 : Integer.parseInt(receiveCount));
  }

  private static MessageAttributeValue text(String value) {
    return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
  }
}
