package com.bellyfed.events.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bellyfed.events.EventTap;
import com.bellyfed.events.catalog.AnalyticsEvent;
import com.bellyfed.events.envelope.Correlation;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.listener.SqsEventListeners;
import com.bellyfed.events.publishing.EventPublisher;
import com.bellyfed.events.sideeffects.AnalyticsRecorder;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.localaws.junit.LocalAwsTest;
import io.awspring.cloud.sqs.annotation.SqsListener;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

@LocalAwsTest
@SpringBootTest(
    classes = EventsAutoConfigurationIntegrationTests.ReviewApp.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "spring.application.name=review-app")
class EventsAutoConfigurationIntegrationTests {

  @LocalServerPort int port;
  @Autowired ReviewWatcher watcher;
  @Autowired RequestObservations observations;

  /** Routes every event this app publishes to a queue its own listener consumes. */
  @BeforeAll
  static void routeOwnEventsBack(LocalAws localAws) {
    String name = "review-app-" + UUID.randomUUID().toString().substring(0, 8);
    String queueUrl = localAws.sqs().createQueue(request -> request.queueName(name)).queueUrl();
    String arn = localAws.sqs().getQueueAttributes(request -> request.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
    String bus = localAws.topology().bus("restaurant").name();
    localAws.eventBridge().putRule(request -> request.name(name).eventBusName(bus)
        .eventPattern("{\"detail\":{\"metadata\":{\"service\":[\"review-app\"]}}}"));
    localAws.eventBridge().putTargets(request -> request.rule(name).eventBusName(bus).targets(Target.builder().id("watcher").arn(arn).build()));
    System.setProperty("test.review-app.queue", name);
  }

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void carriesTheRequestsCorrelationIdIntoTheResponseTheLogContextAndTheEvent(LocalAws localAws) throws Exception {
    String correlationId = "req-" + UUID.randomUUID();
    try (EventTap tap = EventTap.on(localAws, localAws.topology().bus("restaurant").name(), correlationId)) {
      HttpResponse<String> response = post(Map.of(CorrelationFilter.HEADER, correlationId));

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue(CorrelationFilter.HEADER)).contains(correlationId);
      String[] eventIdAndMdc = response.body().split(" ");
      assertThat(eventIdAndMdc[1]).as("correlation id in the controller's MDC").isEqualTo(correlationId);
      EventEnvelope event = tap.await(1, Duration.ofSeconds(10)).get(0);
      assertThat(event.eventId()).isEqualTo(eventIdAndMdc[0]);
      assertThat(event.correlationId()).isEqualTo(correlationId);
      assertThat(event.metadata()).containsEntry("service", "review-app");
    }
  }

  @Test
  void oneRequestsCorrelationIdReachesTheMdcOfTheConsumerThatHandlesItsEvent() throws Exception {
    String correlationId = "chain-" + UUID.randomUUID();

    HttpResponse<String> response = post(Map.of(CorrelationFilter.HEADER, correlationId));
    String eventId = response.body().split(" ")[0];

    await().atMost(Duration.ofSeconds(15)).until(() -> watcher.seen.containsKey(eventId));
    assertThat(watcher.seen.get(eventId)).containsExactly(correlationId, eventId);
  }

  @Test
  void theTraceOfARequestContinuesInTheConsumerOfItsEventAcrossEventBridgeAndSqs(LocalAws localAws) throws Exception {
    String traceId = UUID.randomUUID().toString().replace("-", "");
    String correlationId = "trace-" + UUID.randomUUID();
    try (EventTap tap = EventTap.on(localAws, localAws.topology().bus("restaurant").name(), correlationId)) {
      HttpResponse<String> response = post(Map.of(CorrelationFilter.HEADER, correlationId, "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));
      String eventId = response.body().split(" ")[0];

      EventEnvelope event = tap.await(1, Duration.ofSeconds(10)).get(0);
      assertThat(event.metadata().get("traceparent")).as("the envelope carries the request's trace")
          .matches("00-" + traceId + "-[0-9a-f]{16}-0[01]");
      await().atMost(Duration.ofSeconds(15)).until(() -> watcher.traces.containsKey(eventId));
      assertThat(watcher.traces.get(eventId)).as("trace id and event id in the consumer's MDC").containsExactly(traceId, eventId);
    }
  }

  @Test
  void theAnalyticsEventOfARequestCarriesTheRequestsTraceThoughItIsPublishedOnTheRecordersThread(LocalAws localAws) throws Exception {
    String traceId = UUID.randomUUID().toString().replace("-", "");
    String correlationId = "analytics-" + UUID.randomUUID();
    try (EventTap tap = EventTap.on(localAws, localAws.topology().bus("analytics").name(), correlationId)) {
      HttpResponse<String> response =
          post("/analytics", Map.of(CorrelationFilter.HEADER, correlationId, "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));
      assertThat(response.statusCode()).isEqualTo(200);

      EventEnvelope event = tap.await(1, Duration.ofSeconds(10)).get(0);
      assertThat(event.eventType()).isEqualTo("RESTAURANT_QUERY_ANALYTICS");
      assertThat(event.metadata().get("traceparent")).as("the envelope carries the request's trace")
          .matches("00-" + traceId + "-[0-9a-f]{16}-0[01]");
    }
  }

  @Test
  void aRequestsMdcCarriesItsTraceAndCorrelationIdsAndItsObservationTheCorrelationId() throws Exception {
    String traceId = UUID.randomUUID().toString().replace("-", "");
    String correlationId = "observed-" + UUID.randomUUID();

    HttpResponse<String> response =
        post("/context", Map.of(CorrelationFilter.HEADER, correlationId, "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));

    assertThat(response.body().split(" ")).as("traceId and correlationId in the controller's MDC").containsExactly(traceId, correlationId);
    // The correlation filter runs inside the HTTP observation, whose span gets the id as a tag.
    await().atMost(Duration.ofSeconds(5)).until(() -> observations.correlationIds.contains(correlationId));
  }

  @Test
  void takesTheTraceIdOfATraceparentAndReplacesUnsafeIds() throws Exception {
    HttpResponse<String> traced =
        post(Map.of("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
    HttpResponse<String> hostile = post(Map.of(CorrelationFilter.HEADER, "x\"; DROP TABLE users; --"));

    assertThat(traced.headers().firstValue(CorrelationFilter.HEADER)).contains("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(hostile.headers().firstValue(CorrelationFilter.HEADER).orElseThrow())
        .matches("[0-9a-f-]{36}");
  }

  @Test
  void reportsAnUnhandledExceptionToTheErrorBusWithTheRequestsCorrelationId(LocalAws localAws) throws Exception {
    String correlationId = "boom-" + UUID.randomUUID();
    try (EventTap tap = EventTap.on(localAws, localAws.topology().bus("error").name(), correlationId)) {
      HttpResponse<String> response = post("/boom", Map.of(CorrelationFilter.HEADER, correlationId));

      assertThat(response.statusCode()).isEqualTo(500);
      EventEnvelope report = tap.await(1, Duration.ofSeconds(10)).get(0);
      assertThat(report.eventType()).isEqualTo("system.error.occurred");
      assertThat(report.data().path("errorCode").asString("")).isEqualTo("IllegalStateException");
      assertThat(report.data().path("service").asString("")).isEqualTo("review-app");
      assertThat(report.data().path("context").path("path").asString("")).isEqualTo("/boom");
    }
  }

  @Test
  void reportsAServerErrorThatTheServicesAdviceMappedAndNeverAClientError(LocalAws localAws) throws Exception {
    String correlationId = "mapped-" + UUID.randomUUID();
    try (EventTap tap = EventTap.on(localAws, localAws.topology().bus("error").name(), correlationId)) {
      HttpResponse<String> notFound = post("/missing", Map.of(CorrelationFilter.HEADER, correlationId));
      HttpResponse<String> malformed = post("/echo", Map.of(CorrelationFilter.HEADER, correlationId, "Content-Type", "application/json"));
      HttpResponse<String> unavailable = post("/unavailable", Map.of(CorrelationFilter.HEADER, correlationId));

      assertThat(notFound.statusCode()).isEqualTo(404);
      assertThat(malformed.statusCode()).isEqualTo(400);
      assertThat(unavailable.statusCode()).isEqualTo(503);
      List<EventEnvelope> reports = tap.await(1, Duration.ofSeconds(10));
      assertThat(reports).singleElement()
          .satisfies(report -> assertThat(report.data().path("errorCode").asString("")).isEqualTo("TableUnavailable"));
      assertThat(tap.more()).as("the 404 and the 400 are the client's").isEmpty();
    }
  }

  private HttpResponse<String> post(Map<String, String> headers) throws Exception {
    return post("/reviews", headers);
  }

  private HttpResponse<String> post(String path, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).POST(HttpRequest.BodyPublishers.noBody());
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import({ReviewController.class, ReviewWatcher.class, ReviewAdvice.class, RequestObservations.class})
  static class ReviewApp {}

  /** Notes the correlation ids the HTTP observations carried when they stopped. */
  @Component
  static class RequestObservations implements ObservationHandler<ServerRequestObservationContext> {

    final Set<String> correlationIds = ConcurrentHashMap.newKeySet();

    @Override
    public boolean supportsContext(Observation.Context context) {
      return context instanceof ServerRequestObservationContext;
    }

    @Override
    public void onStop(ServerRequestObservationContext context) {
      KeyValue correlation = context.getHighCardinalityKeyValue(CorrelationFilter.OBSERVATION_KEY);
      if (correlation != null) {
        correlationIds.add(correlation.getValue());
      }
    }
  }

  /** A consumer of the app's own events that notes the correlation and causation ids in its MDC. */
  @Component
  static class ReviewWatcher {

    final Map<String, List<String>> seen = new ConcurrentHashMap<>();
    final Map<String, List<String>> traces = new ConcurrentHashMap<>();
    private final SqsEventListeners listeners;

    ReviewWatcher(SqsEventListeners listeners) {
      this.listeners = listeners;
    }

    @SqsListener("${test.review-app.queue}")
    void receive(Message<String> message) {
      listeners.handle("review-watcher", message, event -> {
        seen.put(event.eventId(), List.of(MDC.get(Correlation.CORRELATION_ID), MDC.get(Correlation.CAUSATION_ID)));
        traces.put(event.eventId(), List.of(String.valueOf(MDC.get("traceId")), String.valueOf(MDC.get(Correlation.EVENT_ID))));
      });
    }
  }

  @RestController
  static class ReviewController {

    private final EventPublisher events;

    private final AnalyticsRecorder analytics;

    ReviewController(EventPublisher events, AnalyticsRecorder analytics) {
      this.events = events;
      this.analytics = analytics;
    }

    @PostMapping("/context")
    String context() {
      return MDC.get("traceId") + " " + MDC.get(Correlation.CORRELATION_ID);
    }

    @PostMapping("/analytics")
    String analytics() {
      analytics.record(new AnalyticsEvent("RESTAURANT_QUERY_ANALYTICS", "EXECUTE", AnalyticsEvent.Category.QUERY,
          AnalyticsEvent.Status.SUCCESS, 12, Map.of("service", "review-app", "resultCount", 3)));
      return "recorded";
    }

    @PostMapping("/reviews")
    String create() {
      EventEnvelope event =
          events.publish(
              "restaurant.review.created",
              Map.of("reviewId", UUID.randomUUID().toString(), "restaurantId", "autoconfig-test", "rating", 5));
      return event.eventId() + " " + MDC.get(Correlation.CORRELATION_ID);
    }

    @PostMapping("/boom")
    String boom() {
      throw new IllegalStateException("the kitchen is on fire");
    }

    @PostMapping("/missing")
    String missing() {
      throw new NoSuchReview();
    }

    @PostMapping("/echo")
    String echo(@RequestBody Map<String, Object> body) {
      return body.toString();
    }

    @PostMapping("/unavailable")
    String unavailable() {
      throw new TableUnavailable();
    }
  }

  static final class NoSuchReview extends RuntimeException {}

  static final class TableUnavailable extends RuntimeException {}

  /** A service's own mapping of its exceptions, as the services' advices do. */
  @RestControllerAdvice
  static class ReviewAdvice {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(NoSuchReview missing) {
      return ResponseEntity.status(404).body(ProblemDetail.forStatus(404));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(TableUnavailable unavailable) {
      return ResponseEntity.status(503).body(ProblemDetail.forStatus(503));
    }
  }
}
