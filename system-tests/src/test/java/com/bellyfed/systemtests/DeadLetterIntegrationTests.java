package com.bellyfed.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bellyfed.testing.HttpApi;
import com.bellyfed.testing.HttpApi.Answer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;

/**
 * A failing consumer: while local-aws's DynamoDB fails every GetItem (fault injection), write-service's
 * rating aggregate cannot read a restaurant, so the review events it receives fail, are received again,
 * and after three receives SQS moves them to the rating DLQ. Once the fault is cleared, a redrive through
 * analytics-service's API gets every one of them processed, once.
 */
@SystemTest
class DeadLetterIntegrationTests {

  private static final String DLQ = Suite.ENV + "-rating-dlq";
  private static final String QUEUE = Suite.ENV + "-rating-queue";

  // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html (maxReceiveCount)
  // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_StartMessageMoveTask.html
  @Test
  void reviewEventsThatFailGoToTheDeadLetterQueueAndARedriveAfterTheFaultGetsEachProcessedOnce(Suite suite) {
    String run = UUID.randomUUID().toString().substring(0, 8);
    Users.SignedIn admin = suite.users().admin("dlq-admin-" + run);
    List<Users.SignedIn> reviewers = List.of(
        suite.users().signUp("dlq-a-" + run, "dlq-a-" + run + "@example.com"),
        suite.users().signUp("dlq-b-" + run, "dlq-b-" + run + "@example.com"),
        suite.users().signUp("dlq-c-" + run, "dlq-c-" + run + "@example.com"));
    String restaurantId = Restaurants.create(suite, admin, "Dead Letter Test " + run);
    Analytics analytics = new Analytics(suite, admin);
    long before = analytics.deadLetters(DLQ);

    HttpApi faults = suite.localAwsAdmin();
    Answer injected = faults.post("/_local-aws/faults", "{\"service\":\"dynamodb\",\"type\":\"ERROR\",\"operation\":\"GetItem\"}");
    assertThat(injected.status()).as(injected.body()).isBetween(200, 201);
    try {
      // A review is written with TransactWriteItems (a condition check on the restaurant), not GetItem: the API still works.
      int[] ratings = {5, 4, 1};
      for (int i = 0; i < 3; i++) {
        Answer review = suite.as(reviewers.get(i), "write-service").post("/api/restaurants/" + restaurantId + "/reviews",
            HttpApi.json(Map.of("rating", ratings[i])));
        assertThat(review.status()).as(review.body()).isEqualTo(201);
      }
      await("three review events in " + DLQ).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
          .until(() -> analytics.deadLetters(DLQ) == before + 3);
    } finally {
      faults.delete("/_local-aws/faults?service=dynamodb");
    }
    JsonNode restaurant = suite.query().get("/api/restaurants/" + restaurantId).json();
    assertThat(restaurant.path("reviewCount").asLong()).as("nothing applied while failing").isZero();

    Answer redrive = analytics.api().post("/api/dlqs/" + DLQ + "/redrive", "{}");
    assertThat(redrive.status()).as(redrive.body()).isBetween(200, 202);

    // (5 + 4 + 1) / 3 = 3.33, each review counted once.
    await("the redriven reviews applied").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
        .until(() -> suite.query().get("/api/restaurants/" + restaurantId).json().path("reviewCount").asLong() == 3);
    await("the rating queue and its DLQ drained").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
        .until(() -> analytics.deadLetters(DLQ) == before && waiting(suite, QUEUE) == 0);
    JsonNode rated = suite.query().get("/api/restaurants/" + restaurantId).json();
    assertThat(rated.path("reviewCount").asLong()).isEqualTo(3);
    assertThat(new BigDecimal(rated.path("avgRating").asString())).isEqualByComparingTo("3.33");
  }

  /** Messages in a queue, visible or in flight (GetQueueAttributes). */
  // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_GetQueueAttributes.html
  private static long waiting(Suite suite, String queue) {
    String url = suite.aws().sqs().getQueueUrl(request -> request.queueName(queue)).queueUrl();
    Map<QueueAttributeName, String> attributes = suite.aws().sqs().getQueueAttributes(request -> request.queueUrl(url)
        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
        .attributes();
    return Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
        + Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }
}
