package com.bellyfed.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.bellyfed.events.topology.QueueDefinition;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.localaws.junit.LocalAwsTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** SQS (ElasticMQ) through the edge: both wire protocols, the AWS CLI, redrive and the provisioned queues. */
@LocalAwsTest
class SqsIntegrationTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void sendsReceivesAndDeletesMessageThroughSdkJsonProtocol(SqsClient sqs) {
    String queueUrl = createQueue(sqs, "sqs-it-roundtrip", Map.of());
    String body = "{\"hello\":\"" + UUID.randomUUID() + "\"}";

    SendMessageResponse sent =
        sqs.sendMessage(
            request ->
                request
                    .queueUrl(queueUrl)
                    .messageBody(body)
                    .messageAttributes(
                        Map.of("origin", MessageAttributeValue.builder().dataType("String").stringValue("it").build())));
    Message received = receiveOne(sqs, queueUrl);

    assertThat(received.messageId()).isEqualTo(sent.messageId());
    assertThat(received.body()).isEqualTo(body);
    assertThat(received.md5OfBody()).isEqualTo(sent.md5OfMessageBody());
    assertThat(received.messageAttributes().get("origin").stringValue()).isEqualTo("it");

    sqs.deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(received.receiptHandle()));

    Map<QueueAttributeName, String> counts =
        sqs.getQueueAttributes(
                request ->
                    request
                        .queueUrl(queueUrl)
                        .attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
            .attributes();
    assertThat(counts)
        .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0")
        .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0");
  }

  @Test
  void acceptsQueryProtocolSendMessageAndSdkReceivesIt(LocalAws localAws, SqsClient sqs) throws Exception {
    String queueUrl = createQueue(sqs, "sqs-it-query", Map.of());
    String body = "query protocol & friends = ünïcode " + UUID.randomUUID();

    HttpResponse<String> response =
        postForm(
            localAws,
            "Action=SendMessage&QueueUrl=" + encode(queueUrl) + "&MessageBody=" + encode(body) + "&Version=2012-11-05");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("<MessageId>");
    String messageId = xmlElement(response.body(), "MessageId");
    Message received = receiveOne(sqs, queueUrl);
    assertThat(received.messageId()).isEqualTo(messageId);
    assertThat(received.body()).isEqualTo(body);
    sqs.deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(received.receiptHandle()));
  }

  @Test
  void answersQueryProtocolGetQueueUrlWithEdgeUrl(LocalAws localAws, SqsClient sqs) throws Exception {
    String queueName = uniqueName("sqs-it-geturl");
    String queueUrl = sqs.createQueue(request -> request.queueName(queueName)).queueUrl();

    HttpResponse<String> response =
        postForm(localAws, "Action=GetQueueUrl&QueueName=" + encode(queueName) + "&Version=2012-11-05");

    assertThat(response.statusCode()).isEqualTo(200);
    String answered = xmlElement(response.body(), "QueueUrl");
    assertThat(answered).isEqualTo(queueUrl).startsWith(localAws.endpoint() + "/").endsWith("/" + queueName);
  }

  @Test
  void awsCliSendsMessageThatSdkReceives(LocalAws localAws, SqsClient sqs, @TempDir Path home) throws Exception {
    assumeTrue(awsCliAvailable(), "the aws command is not on PATH");
    String queueUrl = createQueue(sqs, "sqs-it-cli", Map.of());
    String body = "sent by the aws cli " + UUID.randomUUID();

    ProcessBuilder cli =
        new ProcessBuilder(
                "aws", "sqs", "send-message",
                "--endpoint-url", localAws.endpoint().toString(),
                "--queue-url", queueUrl,
                "--message-body", body,
                "--output", "json")
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("aws-cli.out").toFile());
    Map<String, String> env = cli.environment();
    env.put("AWS_ACCESS_KEY_ID", "local");
    env.put("AWS_SECRET_ACCESS_KEY", "local");
    env.remove("AWS_SESSION_TOKEN");
    env.remove("AWS_PROFILE");
    env.put("AWS_DEFAULT_REGION", localAws.region().id());
    env.put("AWS_REGION", localAws.region().id());
    env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    env.put("AWS_PAGER", "");
    Process process = cli.start();
    boolean finished = process.waitFor(60, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly();
    }
    assertThat(finished).as("aws cli finished within 60 s").isTrue();
    String output = Files.readString(home.resolve("aws-cli.out"));

    assertThat(process.exitValue()).as("aws cli exit code; output:%n%s", output).isZero();
    String messageId = JSON.readTree(output).path("MessageId").asString("");
    Message received = receiveOne(sqs, queueUrl);
    assertThat(received.messageId()).isEqualTo(messageId);
    assertThat(received.body()).isEqualTo(body);
    sqs.deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(received.receiptHandle()));
  }

  @Test
  void movesMessageToDeadLetterQueueAfterThreeReceivesAndMoveTaskBringsItBack(SqsClient sqs) throws Exception {
    String deadLetterUrl = createQueue(sqs, "sqs-it-redrive-dlq", Map.of());
    String deadLetterArn = arn(sqs, deadLetterUrl);
    String redrivePolicy =
        JSON.writeValueAsString(Map.of("deadLetterTargetArn", deadLetterArn, "maxReceiveCount", 3));
    String sourceUrl =
        createQueue(
            sqs,
            "sqs-it-redrive",
            Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "30", QueueAttributeName.REDRIVE_POLICY, redrivePolicy));
    String sourceArn = arn(sqs, sourceUrl);
    String body = "poison " + UUID.randomUUID();
    sqs.sendMessage(request -> request.queueUrl(sourceUrl).messageBody(body));

    for (int receive = 1; receive <= 3; receive++) {
      Message message = receiveOne(sqs, sourceUrl);
      assertThat(message.body()).isEqualTo(body);
      assertThat(message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
          .isEqualTo(Integer.toString(receive));
      // A failed consumer: the message becomes visible again at once instead of after 30 s.
      sqs.changeMessageVisibility(
          request -> request.queueUrl(sourceUrl).receiptHandle(message.receiptHandle()).visibilityTimeout(0));
    }

    // The fourth receive finds the message over its limit: SQS moves it instead of delivering it.
    assertThat(sqs.receiveMessage(request -> request.queueUrl(sourceUrl).maxNumberOfMessages(10)).messages())
        .isEmpty();
    List<Message> deadLettered =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    sqs.receiveMessage(
                            request -> request.queueUrl(deadLetterUrl).maxNumberOfMessages(10).visibilityTimeout(0))
                        .messages(),
                messages -> !messages.isEmpty());
    assertThat(deadLettered).extracting(Message::body).containsExactly(body);

    String taskHandle =
        sqs.startMessageMoveTask(request -> request.sourceArn(deadLetterArn).destinationArn(sourceArn)).taskHandle();
    assertThat(taskHandle).isNotBlank();

    List<Message> movedBack =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    sqs.receiveMessage(request -> request.queueUrl(sourceUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                        .messages(),
                messages -> !messages.isEmpty());
    assertThat(movedBack).extracting(Message::body).containsExactly(body);
    sqs.deleteMessage(request -> request.queueUrl(sourceUrl).receiptHandle(movedBack.get(0).receiptHandle()));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(messageCounts(sqs, deadLetterUrl))
                    .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0")
                    .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"));
    assertThat(sqs.receiveMessage(request -> request.queueUrl(deadLetterUrl).maxNumberOfMessages(10)).messages())
        .isEmpty();
  }

  @Test
  void provisionedQueuesRedriveAfterThreeReceivesToTheirFlowsDeadLetterQueue(SqsClient sqs, Topology topology)
      throws Exception {
    List<QueueDefinition> mainQueues = topology.queues().stream().filter(queue -> !queue.deadLetter()).toList();
    assertThat(mainQueues).isNotEmpty();

    for (QueueDefinition queue : mainQueues) {
      QueueDefinition deadLetter = topology.deadLetterQueue(queue.flow());
      String deadLetterArn = arn(sqs, queueUrl(sqs, deadLetter.name()));
      String policy =
          sqs.getQueueAttributes(
                  request ->
                      request.queueUrl(queueUrl(sqs, queue.name())).attributeNames(QueueAttributeName.REDRIVE_POLICY))
              .attributes()
              .get(QueueAttributeName.REDRIVE_POLICY);

      assertThat(policy).as("redrive policy of %s", queue.name()).isNotNull();
      JsonNode redrive = JSON.readTree(policy);
      assertThat(redrive.path("deadLetterTargetArn").asString("")).as("DLQ of %s", queue.name()).isEqualTo(deadLetterArn);
      assertThat(redrive.path("maxReceiveCount").asInt(0)).as("max receives of %s", queue.name()).isEqualTo(3);
    }
  }

  @Test
  void provisionedDeadLetterQueuesKeepMessagesFourteenDays(SqsClient sqs, Topology topology) {
    List<QueueDefinition> deadLetterQueues = topology.queues().stream().filter(QueueDefinition::deadLetter).toList();
    assertThat(deadLetterQueues).isNotEmpty();

    for (QueueDefinition deadLetter : deadLetterQueues) {
      Map<QueueAttributeName, String> attributes =
          sqs.getQueueAttributes(request -> request.queueUrl(queueUrl(sqs, deadLetter.name())).attributeNames(QueueAttributeName.ALL))
              .attributes();
      assertThat(attributes)
          .as("attributes of %s", deadLetter.name())
          .containsEntry(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "1209600")
          .doesNotContainKey(QueueAttributeName.REDRIVE_POLICY);
    }
  }

  @Test
  void keepsAndReportsMessageRetentionInBothProtocolsAndRejectsValuesSqsRejects(LocalAws localAws, SqsClient sqs)
      throws Exception {
    String queueUrl = createQueue(sqs, "retention", Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "86400"));
    String defaultUrl = createQueue(sqs, "retention-default", Map.of());

    assertThat(sqs.getQueueAttributes(request -> request.queueUrl(defaultUrl).attributeNames(QueueAttributeName.ALL)).attributes())
        .containsEntry(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "345600");
    HttpResponse<String> query =
        postForm(localAws, "Action=GetQueueAttributes&Version=2012-11-05&AttributeName.1=All&QueueUrl=" + encode(queueUrl));
    assertThat(query.statusCode()).isEqualTo(200);
    assertThat(query.body()).contains("<Name>MessageRetentionPeriod</Name><Value>86400</Value>");

    assertThatThrownBy(
            () -> sqs.setQueueAttributes(
                request -> request.queueUrl(queueUrl).attributes(Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "30"))))
        .isInstanceOfSatisfying(
            SqsException.class,
            e -> {
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAttributeValue");
              assertThat(e.getMessage()).contains("MessageRetentionPeriod");
            });
    assertThat(sqs.getQueueAttributes(request -> request.queueUrl(queueUrl).attributeNames(QueueAttributeName.MESSAGE_RETENTION_PERIOD))
            .attributes())
        .containsEntry(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "86400");
  }

  // ---------------------------------------------------------------------------------------------

  private static String uniqueName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String createQueue(SqsClient sqs, String prefix, Map<QueueAttributeName, String> attributes) {
    String name = uniqueName(prefix);
    return sqs.createQueue(request -> request.queueName(name).attributes(attributes)).queueUrl();
  }

  private static String queueUrl(SqsClient sqs, String name) {
    return sqs.getQueueUrl(request -> request.queueName(name)).queueUrl();
  }

  private static String arn(SqsClient sqs, String queueUrl) {
    return sqs.getQueueAttributes(request -> request.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes()
        .get(QueueAttributeName.QUEUE_ARN);
  }

  private static Map<QueueAttributeName, String> messageCounts(SqsClient sqs, String queueUrl) {
    return sqs.getQueueAttributes(
            request ->
                request
                    .queueUrl(queueUrl)
                    .attributeNames(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
        .attributes();
  }

  /** Long-polls until exactly one message arrives and returns it, with its receive count. */
  private static Message receiveOne(SqsClient sqs, String queueUrl) {
    List<Message> messages =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    sqs.receiveMessage(
                            request ->
                                request
                                    .queueUrl(queueUrl)
                                    .maxNumberOfMessages(10)
                                    .waitTimeSeconds(1)
                                    .messageAttributeNames("All")
                                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                        .messages(),
                received -> !received.isEmpty());
    assertThat(messages).hasSize(1);
    return messages.get(0);
  }

  private static HttpResponse<String> postForm(LocalAws localAws, String form) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request =
        HttpRequest.newBuilder(localAws.endpoint().resolve("/"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String xmlElement(String xml, String element) {
    Matcher matcher = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(xml);
    assertThat(matcher.find()).as("<%s> in %s", element, xml).isTrue();
    return matcher.group(1);
  }

  private static boolean awsCliAvailable() {
    try {
      Process process = new ProcessBuilder("aws", "--version").redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
