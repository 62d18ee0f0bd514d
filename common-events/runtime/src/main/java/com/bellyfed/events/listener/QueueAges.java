package com.bellyfed.events.listener;

import io.awspring.cloud.sqs.listener.AbstractMessageListenerContainer;
import io.awspring.cloud.sqs.listener.MessageListenerContainerRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The age of the oldest message waiting in each queue the service's {@code @SqsListener}s consume
 * ({@code bellyfed.queue.oldest.age}, seconds) and how many wait ({@code bellyfed.queue.messages}).
 *
 * <p>SQS offers no age attribute (CloudWatch's ApproximateAgeOfOldestMessage is not in its API),
 * and a peek would count as a receive, moving a main queue's message towards its dead-letter queue.
 * So the age is an upper bound from what this service sees: nothing waits when the queue shows no
 * visible message; otherwise every waiting message was sent after the queue was last seen without
 * one, or after the newest message this consumer has received (SQS hands out roughly oldest first),
 * whichever is later. A healthy consumer keeps the bound near its lag; a stalled or paused one lets
 * it grow with the time it stalls, which is what the alert needs. With several instances each
 * reports its own bound: the smallest is the queue's ({@code min by (queue)}).
 */
public final class QueueAges implements ApplicationListener<ApplicationReadyEvent>, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(QueueAges.class);

  private final SqsClient sqs;
  private final MessageListenerContainerRegistry containers;
  private final MeterRegistry registry;
  private final Clock clock;
  private final Duration pollInterval;
  private final Map<String, Watched> watched = new ConcurrentHashMap<>();
  private final AtomicBoolean polling = new AtomicBoolean();
  private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "queue-age-poller");
    thread.setDaemon(true);
    return thread;
  });

  public QueueAges(SqsClient sqs, MessageListenerContainerRegistry containers, MeterRegistry registry, Clock clock, Duration pollInterval) {
    this.sqs = sqs;
    this.containers = containers;
    this.registry = registry;
    this.clock = clock;
    this.pollInterval = pollInterval;
  }

  /**
   * One queue's state: its URL once known, when it was last seen without a visible message, the newest message
   * received, the gauges and their values.
   */
  private static final class Watched {
    final String queue;
    volatile String url;
    final AtomicLong lastEmptyMillis;
    final AtomicLong newestReceivedSentMillis = new AtomicLong();
    final AtomicLong visible = new AtomicLong();
    final AtomicLong ageSeconds = new AtomicLong();
    final List<Gauge> gauges = new ArrayList<>();

    Watched(String queue, long now) {
      this.queue = queue;
      this.url = queue.startsWith("http") ? queue : null;
      this.lastEmptyMillis = new AtomicLong(now);
    }
  }

  /**
   * Once the listener containers exist: a gauge per queue they consume, refreshed every poll interval. No AWS call
   * here: Boot reports the service ready only after this event's listeners return, and the gauges need none to exist
   * (the poller resolves the queue URLs on its first round).
   */
  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    TreeSet<String> queues = new TreeSet<>();
    containers.getListenerContainers().forEach(container -> {
      if (container instanceof AbstractMessageListenerContainer<?, ?, ?> listening) {
        queues.addAll(listening.getQueueNames());
      }
    });
    queues.forEach(this::watch);
    if (!watched.isEmpty() && polling.compareAndSet(false, true)) {
      long interval = pollInterval.toMillis();
      poller.scheduleWithFixedDelay(this::refresh, 0, interval, TimeUnit.MILLISECONDS);
    }
  }

  void watch(String queue) {
    String name = nameOf(queue);
    Watched state = new Watched(queue, clock.millis());
    if (watched.putIfAbsent(name, state) != null) {
      return;
    }
    state.gauges.add(Gauge.builder("bellyfed.queue.oldest.age", state.ageSeconds, AtomicLong::get)
        .description("Upper bound of the age of the oldest message waiting in a consumed queue")
        .baseUnit("seconds")
        .tag("queue", name)
        .register(registry));
    state.gauges.add(Gauge.builder("bellyfed.queue.messages", state.visible, AtomicLong::get)
        .description("Messages waiting (visible) in a consumed queue")
        .tag("queue", name)
        .register(registry));
  }

  /** The queue's URL, looked up once; a queue without one loses its gauges (its consumer reports its own errors). */
  private boolean resolved(String name, Watched state) {
    if (state.url != null) {
      return true;
    }
    try {
      state.url = sqs.getQueueUrl(request -> request.queueName(state.queue)).queueUrl();
      return true;
    } catch (RuntimeException e) {
      log.warn("No age gauge for queue {}: {}", state.queue, e.toString());
      watched.remove(name, state);
      state.gauges.forEach(registry::remove);
      return false;
    }
  }

  /** Called for each message a listener receives. */
  void received(String queueUrl, Message message) {
    Watched state = watched.get(nameOf(queueUrl));
    String sent = message.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP);
    if (state != null && sent != null) {
      state.newestReceivedSentMillis.accumulateAndGet(Long.parseLong(sent), Math::max);
    }
  }

  void refresh() {
    watched.forEach((name, state) -> {
      if (!resolved(name, state)) {
        return;
      }
      try {
        long visible = Long.parseLong(sqs.getQueueAttributes(request -> request.queueUrl(state.url)
            .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
            .getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"));
        long now = clock.millis();
        state.visible.set(visible);
        if (visible == 0) {
          state.lastEmptyMillis.set(now);
          state.ageSeconds.set(0);
        } else {
          long since = Math.max(state.lastEmptyMillis.get(), state.newestReceivedSentMillis.get());
          state.ageSeconds.set(Math.max(0, (now - since) / 1000));
        }
      } catch (RuntimeException e) {
        // The gauge keeps its last value; a queue that cannot be read shows in the consumers' own errors.
        log.debug("Could not read the attributes of {}: {}", state.url, e.toString());
      }
    });
  }

  private static String nameOf(String queue) {
    return queue.substring(queue.lastIndexOf('/') + 1);
  }

  @Override
  public void close() {
    poller.shutdownNow();
  }
}
