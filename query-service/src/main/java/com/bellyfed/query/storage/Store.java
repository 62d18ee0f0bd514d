package com.bellyfed.query.storage;

import com.bellyfed.kit.outage.Outages;
import com.bellyfed.kit.problem.ServiceUnavailableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The only door to DynamoDB on a request path. Every read has a call timeout, so a hanging
 * DynamoDB cannot hold a request; outages (client errors, 5xx, throttling, timeouts) count towards
 * a circuit breaker, and while it is open reads fail at once with a 503 instead of queueing. There
 * is deliberately no scan here: every access pattern is a GetItem or a Query on a key or an index.
 */
public final class Store {

  /** Queries one page may take; bounds the work a sparse filter can cause. */
  static final int MAX_CALLS_PER_PAGE = 10;

  private final DynamoDbClient dynamoDb;
  private final CircuitBreaker circuitBreaker;
  private final AwsRequestOverrideConfiguration timeouts;
  private final StoreProperties properties;
  private final Duration retryAfter;
  private final MeterRegistry registry;
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  Store(DynamoDbClient dynamoDb, CircuitBreaker circuitBreaker, StoreProperties properties, MeterRegistry registry) {
    this.dynamoDb = dynamoDb;
    this.circuitBreaker = circuitBreaker;
    this.properties = properties;
    // The open state's wait, as the breaker is configured: a client retrying sooner is refused again.
    this.retryAfter = Duration.ofMillis(circuitBreaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1));
    this.registry = registry;
    this.timeouts =
        AwsRequestOverrideConfiguration.builder()
            .apiCallAttemptTimeout(properties.attemptTimeout())
            .apiCallTimeout(properties.callTimeout())
            .build();
  }

  public GetItemResponse getItem(GetItemRequest request) {
    return call("GetItem", request.tableName(), () -> dynamoDb.getItem(request.toBuilder().overrideConfiguration(timeouts).build()));
  }

  public GetItemResponse getItem(java.util.function.Consumer<GetItemRequest.Builder> request) {
    GetItemRequest.Builder builder = GetItemRequest.builder();
    request.accept(builder);
    return getItem(builder.build());
  }

  public QueryResponse query(QueryRequest request) {
    String table = request.indexName() != null ? request.tableName() + "/" + request.indexName() : request.tableName();
    return call("Query", table, () -> dynamoDb.query(request.toBuilder().overrideConfiguration(timeouts).build()));
  }

  /**
   * Runs {@code base} from {@code startAfter} until {@code limit} items passed its filter, the index
   * is exhausted, or {@value #MAX_CALLS_PER_PAGE} queries were made (a filter that matches little
   * then gives a short page that still has a next cursor). The next page resumes after the last
   * item returned, not after the last item DynamoDB evaluated, so a query that read more than the
   * page holds skips nothing; one item more than the page is asked for to know whether it is the last.
   *
   * @param keyAttributes the table's and the index's key attributes, which identify an item's position
   */
  public KeyedPage queryPage(
      QueryRequest base, int limit, @Nullable Map<String, AttributeValue> startAfter, Set<String> keyAttributes) {
    boolean filtered = base.filterExpression() != null;
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    Map<String, AttributeValue> start = startAfter;
    for (int calls = 1; ; calls++) {
      int wanted = limit + 1 - items.size();
      // A filter drops items after DynamoDB counted them towards Limit, so read ahead more.
      int readAhead = filtered ? Math.min(Math.max(wanted * 4, 50), 400) : wanted;
      QueryResponse response = query(base.toBuilder().exclusiveStartKey(start).limit(readAhead).build());
      items.addAll(response.items());
      if (items.size() > limit) {
        List<Map<String, AttributeValue>> page = List.copyOf(items.subList(0, limit));
        return new KeyedPage(page, keyOf(page.get(limit - 1), keyAttributes));
      }
      if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
        return new KeyedPage(List.copyOf(items), null);
      }
      start = response.lastEvaluatedKey();
      if (calls == MAX_CALLS_PER_PAGE) {
        Map<String, AttributeValue> resume = items.isEmpty() ? start : keyOf(items.get(items.size() - 1), keyAttributes);
        return new KeyedPage(List.copyOf(items), resume);
      }
    }
  }

  private static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item, Set<String> keyAttributes) {
    Map<String, AttributeValue> key = new HashMap<>();
    for (String attribute : keyAttributes) {
      AttributeValue value = item.get(attribute);
      if (value == null) {
        throw new IllegalStateException("Item lacks its key attribute " + attribute);
      }
      key.put(attribute, value);
    }
    return key;
  }

  private <T> T call(String operation, String table, Supplier<T> read) {
    long start = System.nanoTime();
    String outcome = "success";
    try {
      return circuitBreaker.executeSupplier(read);
    } catch (CallNotPermittedException open) {
      outcome = "rejected";
      throw new ServiceUnavailableException(
          "DynamoDB is failing; reads are refused for a moment to let it recover. Retry later.", retryAfter, open);
    } catch (RuntimeException e) {
      if (!Outages.isOutage(e)) {
        outcome = "error";
        throw e;
      }
      outcome = "outage";
      // The cause stays in the log, never in the answer.
      throw new ServiceUnavailableException("DynamoDB did not answer in time or failed. Retry later.", retryAfter, e);
    } finally {
      timer(operation, table, outcome).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
  }

  /** Looked up once per operation, table and outcome rather than registered again on every read. */
  private Timer timer(String operation, String table, String outcome) {
    return timers.computeIfAbsent(operation + ' ' + table + ' ' + outcome, key -> Timer.builder("bellyfed.query.dynamodb.calls")
        .description("DynamoDB reads made for requests, by outcome")
        .tag("operation", operation)
        .tag("table", table)
        .tag("outcome", outcome)
        .register(registry));
  }
}
