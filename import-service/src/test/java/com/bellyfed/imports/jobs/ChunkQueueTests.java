package com.bellyfed.imports.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bellyfed.events.naming.Environment;
import com.bellyfed.events.standins.InMemorySqs;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.kit.resilience.TryAgainOnly;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sending chunks, against the runtime's in-memory SQS: entries SQS refuses for its own reasons are
 * sent again through the declared retry {@code chunksend}, whose metrics count the call; entries
 * refused as the sender's fault are not. SendMessageBatch reports refused entries in {@code Failed}
 * with {@code SenderFault}: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessageBatch.html
 */
class ChunkQueueTests {

  private final InMemorySqs sqs = new InMemorySqs();
  private final RetryRegistry retries = RetryRegistry.ofDefaults();
  private final Retry chunksend = retries.retry("chunksend",
      RetryConfig.custom().maxAttempts(3).waitDuration(Duration.ofMillis(1)).retryOnException(new TryAgainOnly()).build());
  private final ChunkQueue queue = new ChunkQueue(sqs, Topology.bellyfed(Environment.of("dev")), retries);

  @Test
  void entriesSqsRefusedForItsOwnReasonsAreSentAgainAndTheRetryCountsTheCall() {
    sqs.refuseBatchEntries(2, false);

    queue.send(bodies(3));

    assertThat(sqs.sent).extracting(InMemorySqs.Sent::body).containsExactlyInAnyOrder("chunk 0", "chunk 1", "chunk 2");
    assertThat(chunksend.getMetrics().getNumberOfSuccessfulCallsWithRetryAttempt()).isEqualTo(1);
  }

  @Test
  void entriesRefusedAsTheSendersFaultAreNotSentAgain() {
    sqs.refuseBatchEntries(1, true);

    assertThatThrownBy(() -> queue.send(bodies(3))).isInstanceOf(IllegalStateException.class).hasMessageContaining("InvalidParameterValue");

    assertThat(sqs.sent).hasSize(2);
    assertThat(chunksend.getMetrics().getNumberOfFailedCallsWithoutRetryAttempt()).isEqualTo(1);
  }

  @Test
  void givesUpOnceTheDeclaredAttemptsAreSpent() {
    sqs.refuseBatchEntries(100, false);

    assertThatThrownBy(() -> queue.send(bodies(1))).isInstanceOf(IllegalStateException.class).hasMessageContaining("InternalFailure");

    assertThat(sqs.sent).isEmpty();
    assertThat(chunksend.getMetrics().getNumberOfFailedCallsWithRetryAttempt()).isEqualTo(1);
  }

  private static Map<String, String> bodies(int count) {
    Map<String, String> bodies = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      bodies.put("c-" + i, "chunk " + i);
    }
    return bodies;
  }
}
