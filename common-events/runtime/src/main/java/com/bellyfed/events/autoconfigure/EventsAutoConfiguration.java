package com.bellyfed.events.autoconfigure;

import com.bellyfed.events.catalog.EventCatalog;
import com.bellyfed.events.consuming.ConsumerSettings;
import com.bellyfed.events.consuming.IdempotencyGuard;
import com.bellyfed.events.consuming.ReliableConsumer;
import com.bellyfed.events.envelope.TracePropagation;
import com.bellyfed.events.listener.ApplicationSqsListeners;
import com.bellyfed.events.listener.ListenerPause;
import com.bellyfed.events.listener.QueueAges;
import com.bellyfed.events.listener.SqsEventListeners;
import com.bellyfed.events.listener.VirtualThreadListeners;
import io.awspring.cloud.sqs.config.SqsBeanNames;
import io.awspring.cloud.sqs.listener.MessageListenerContainerRegistry;
import com.bellyfed.events.envelope.EnvelopeJson;
import com.bellyfed.events.outbox.OutboxRelay;
import com.bellyfed.events.outbox.OutboxSettings;
import com.bellyfed.events.outbox.OutboxStore;
import com.bellyfed.events.publishing.EventBridgePublisher;
import com.bellyfed.events.publishing.EventFactory;
import com.bellyfed.events.publishing.PublisherSettings;
import com.bellyfed.events.publishing.PutEventsSender;
import com.bellyfed.events.sideeffects.AnalyticsRecorder;
import com.bellyfed.events.sideeffects.ErrorReporter;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.kit.resilience.Declared;
import io.awspring.cloud.autoconfigure.AwsClientCustomizer;
import io.awspring.cloud.autoconfigure.AwsSyncClientCustomizer;
import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import io.awspring.cloud.autoconfigure.core.AwsConnectionDetails;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnJava;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.boot.system.JavaVersion;
import org.springframework.core.env.Environment;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the event runtime into a Spring Boot service: one {@code EventPublisher}, the outbox store
 * and relay, the reliable consumer for {@code @SqsListener} methods, and the correlation filter,
 * all from {@code bellyfed.events.*}. AWS clients take endpoint, region and credentials from Spring
 * Cloud AWS ({@code spring.cloud.aws.*}), breakers and retries from Resilience4j's registries
 * ({@code resilience4j.*}). Every bean backs off when the service defines its own.
 */
// After Spring Cloud AWS, whose DynamoDbClient, when present, this configuration then reuses, and
// after Resilience4j's starter, whose registries hold the breakers, retries and rate limiters declared in resilience4j.*.
// After Boot's Jackson configuration, whose JsonMapper the envelope's mapper is built on.
// Before Spring Cloud AWS's SQS configuration, whose listener container factory backs off for ours.
@AutoConfiguration(
    afterName = {
      "io.awspring.cloud.autoconfigure.core.AwsAutoConfiguration",
      "io.awspring.cloud.autoconfigure.dynamodb.DynamoDbAutoConfiguration",
      "io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration",
      "io.github.resilience4j.springboot.retry.autoconfigure.RetryAutoConfiguration",
      "io.github.resilience4j.springboot.ratelimiter.autoconfigure.RateLimiterAutoConfiguration",
      "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"
    },
    beforeName = "io.awspring.cloud.autoconfigure.sqs.SqsAutoConfiguration")
@EnableConfigurationProperties(EventsProperties.class)
public class EventsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Topology bellyfedTopology(EventsProperties properties) {
    return Topology.bellyfed(com.bellyfed.events.naming.Environment.of(properties.environment()));
  }

  @Bean
  @ConditionalOnMissingBean
  EventCatalog eventCatalog() {
    return EventCatalog.bellyfed();
  }

  @Bean
  @ConditionalOnMissingBean
  EnvelopeJson envelopeJson(ObjectProvider<JsonMapper> jsonMapper) {
    JsonMapper application = jsonMapper.getIfAvailable();
    return application == null ? new EnvelopeJson() : new EnvelopeJson(application);
  }

  @Bean
  @ConditionalOnMissingBean
  EventFactory eventFactory(
      EventCatalog catalog, EnvelopeJson json, ObjectProvider<Validator> validator, EventsProperties properties, Environment environment,
      TracePropagation tracePropagation) {
    return new EventFactory(
        catalog, json, validator.getIfAvailable(EventFactory::plainValidator), serviceName(properties, environment), Clock.systemUTC(),
        tracePropagation);
  }

  /** W3C trace context in every envelope and continued by every consumer, where Micrometer Tracing has a tracer. */
  @Bean
  @ConditionalOnMissingBean
  TracePropagation tracePropagation(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
    Tracer current = tracer.getIfAvailable();
    Propagator carrier = propagator.getIfAvailable();
    return current == null || carrier == null ? TracePropagation.NONE : new MicrometerTracePropagation(current, carrier);
  }

  /** Spring Cloud AWS has no EventBridge starter: its configurer gives the client the same endpoint, region and credentials. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  EventBridgeClient eventBridgeClient(
      AwsClientBuilderConfigurer configurer, ObjectProvider<AwsConnectionDetails> connectionDetails, ObjectProvider<AwsSyncClientCustomizer> customizers) {
    return syncClient(EventBridgeClient.builder(), configurer, connectionDetails, customizers);
  }

  /** Only where Spring Cloud AWS's DynamoDB starter is missing: otherwise its client is the one. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  DynamoDbClient dynamoDbClient(
      AwsClientBuilderConfigurer configurer, ObjectProvider<AwsConnectionDetails> connectionDetails, ObjectProvider<AwsSyncClientCustomizer> customizers) {
    return syncClient(DynamoDbClient.builder(), configurer, connectionDetails, customizers);
  }

  /** {@code resilience4j.circuitbreaker.instances.eventbridge}; while open, events go to the outbox at once. */
  @Bean
  @ConditionalOnMissingBean(name = "eventBridgeCircuitBreaker")
  CircuitBreaker eventBridgeCircuitBreaker(CircuitBreakerRegistry registry) {
    return Declared.circuitBreaker(registry, "eventbridge");
  }

  @Bean
  @ConditionalOnMissingBean
  PutEventsSender putEventsSender(
      EventBridgeClient client, CircuitBreaker eventBridgeCircuitBreaker, EventCatalog catalog, Topology topology, EnvelopeJson json) {
    return new PutEventsSender(client, eventBridgeCircuitBreaker, catalog, topology, json);
  }

  @Bean
  @ConditionalOnMissingBean
  OutboxStore outboxStore(DynamoDbClient dynamoDb, Topology topology, EnvelopeJson json) {
    return new OutboxStore(dynamoDb, topology.table("outbox").name(), json, Clock.systemUTC());
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  EventBridgePublisher eventPublisher(
      EventFactory factory, PutEventsSender sender, OutboxStore outbox, EventsProperties properties, RetryRegistry retries,
      ObjectProvider<MeterRegistry> registry) {
    EventsProperties.Publisher settings = properties.publisher();
    return new EventBridgePublisher(
        factory,
        sender,
        outbox,
        new PublisherSettings(
            settings.bufferCapacity(), settings.offerTimeout(), settings.senders(), Declared.backoff(retries, "eventbridge"),
            settings.shutdownTimeout(), settings.linger()),
        registry.getIfAvailable(SimpleMeterRegistry::new));
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "bellyfed.events.outbox", name = "relay-enabled", matchIfMissing = true)
  OutboxRelay outboxRelay(OutboxStore store, PutEventsSender sender, EventsProperties properties, ObjectProvider<MeterRegistry> registry) {
    EventsProperties.Outbox settings = properties.outbox();
    return new OutboxRelay(
            store,
            sender,
            new OutboxSettings(
                settings.lease(), settings.sweepAfter(), settings.sweepInterval(), settings.sweepBatch(), settings.maxAttempts(),
                settings.fastPathWorkers(), settings.fastPathCapacity()),
            Clock.systemUTC(),
            registry.getIfAvailable(SimpleMeterRegistry::new));
  }

  /**
   * The outbox sweeper starts when the service is ready, not when its bean is made: its DynamoDB queries would
   * compete with the start for the CPU, and a context that fails to start never sweeps. The fast path (the rows this
   * instance commits) works from construction on; rows left by an earlier instance wait for the first sweep.
   */
  @Bean
  ApplicationListener<ApplicationReadyEvent> outboxSweeperStart(ObjectProvider<OutboxRelay> relay) {
    return event -> relay.ifAvailable(OutboxRelay::start);
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  SqsClient sqsClient(
      AwsClientBuilderConfigurer configurer, ObjectProvider<AwsConnectionDetails> connectionDetails, ObjectProvider<AwsSyncClientCustomizer> customizers) {
    return syncClient(SqsClient.builder(), configurer, connectionDetails, customizers);
  }

  @Bean
  @ConditionalOnMissingBean
  IdempotencyGuard idempotencyGuard(DynamoDbClient dynamoDb, Topology topology, EventsProperties properties) {
    return new IdempotencyGuard(
        dynamoDb, topology.table("processed-events").name(), Clock.systemUTC(), properties.consumer().idempotencyRetention());
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  ReliableConsumer reliableConsumer(
      SqsClient sqsClient, IdempotencyGuard guard, EnvelopeJson json, EventsProperties properties, ObjectProvider<MeterRegistry> registry,
      TracePropagation tracePropagation) {
    return new ReliableConsumer(
        sqsClient,
        guard,
        json,
        new ConsumerSettings(
            properties.consumer().firstBackoff(),
            properties.consumer().maxBackoff(),
            properties.consumer().heartbeatInterval(),
            properties.consumer().heartbeatVisibility()),
        Clock.systemUTC(),
        registry.getIfAvailable(SimpleMeterRegistry::new),
        tracePropagation);
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  AnalyticsRecorder analyticsRecorder(EventBridgePublisher publisher, ObjectProvider<MeterRegistry> registry, TracePropagation tracePropagation) {
    return new AnalyticsRecorder(publisher, 10_000, registry.getIfAvailable(SimpleMeterRegistry::new), tracePropagation);
  }

  /** At most as many reports per error code as {@code resilience4j.ratelimiter.instances.errors} permits (10 a minute). */
  @Bean
  @ConditionalOnMissingBean
  ErrorReporter errorReporter(
      EventBridgePublisher publisher, EventsProperties properties, Environment environment, RateLimiterRegistry limiters,
      ObjectProvider<MeterRegistry> registry) {
    return new ErrorReporter(publisher, serviceName(properties, environment), limiters, registry.getIfAvailable(SimpleMeterRegistry::new));
  }

  /** For services that consume with Spring Cloud AWS's {@code @SqsListener}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.awspring.cloud.sqs.listener.SqsHeaders")
  static class SqsListenerConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SqsEventListeners sqsEventListeners(ReliableConsumer consumer, ObjectProvider<QueueAges> queueAges) {
      return new SqsEventListeners(consumer, queueAges.getIfAvailable());
    }

    /** The oldest-message age of every queue the service's listeners consume; polled every 15 s unless set. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    QueueAges queueAges(
        SqsClient sqsClient, MessageListenerContainerRegistry containers, ObjectProvider<MeterRegistry> registry, Environment environment) {
      return new QueueAges(sqsClient, containers, registry.getIfAvailable(SimpleMeterRegistry::new), Clock.systemUTC(),
          environment.getProperty("bellyfed.events.queue-age.poll-interval", Duration.class, Duration.ofSeconds(15)));
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    ListenerPause listenerPause(MessageListenerContainerRegistry registry) {
      return new ListenerPause(registry);
    }

    /**
     * {@code @SqsListener} handlers on virtual threads where the JVM has them (on Java 17 the factory keeps
     * its platform-thread executor). Static: a post-processor must not wait for its configuration class.
     */
    @Bean
    @ConditionalOnJava(JavaVersion.TWENTY_ONE)
    static VirtualThreadListeners virtualThreadListeners() {
      return new VirtualThreadListeners();
    }

    /**
     * In place of Spring Cloud AWS's own, which it registers only under a name no bean has yet; this configuration
     * comes before Spring Cloud AWS's, so this one is there first.
     */
    @Bean(SqsBeanNames.SQS_LISTENER_ANNOTATION_BEAN_POST_PROCESSOR_BEAN_NAME)
    @ConditionalOnMissingBean(name = SqsBeanNames.SQS_LISTENER_ANNOTATION_BEAN_POST_PROCESSOR_BEAN_NAME)
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static ApplicationSqsListeners applicationSqsListeners() {
      return new ApplicationSqsListeners();
    }
  }

  /**
   * Correlation for servlet services: right after the HTTP observation filter, so that the request's
   * observation (its span, the MDC's traceId) is current and carries the correlation id, and every
   * later filter logs with both.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(name = "org.springframework.web.filter.OncePerRequestFilter")
  static class CorrelationConfiguration {

    @Bean
    @ConditionalOnMissingBean
    FilterRegistrationBean<CorrelationFilter> correlationFilter() {
      FilterRegistrationBean<CorrelationFilter> registration = new FilterRegistrationBean<>(new CorrelationFilter());
      registration.setOrder(CorrelationFilter.ORDER);
      return registration;
    }
  }

  /** Error reports for Spring MVC services' unhandled exceptions. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(name = "org.springframework.web.servlet.HandlerExceptionResolver")
  static class ErrorReportingConfiguration {

    @Bean
    ErrorReportingExceptionResolver errorReportingExceptionResolver() {
      return new ErrorReportingExceptionResolver();
    }

    /** Right after the correlation filter, so that reports carry the request's correlation id. */
    @Bean
    FilterRegistrationBean<ErrorReportingFilter> errorReportingFilter(ErrorReporter reporter) {
      FilterRegistrationBean<ErrorReportingFilter> registration = new FilterRegistrationBean<>(new ErrorReportingFilter(reporter));
      registration.setOrder(CorrelationFilter.ORDER + 1);
      return registration;
    }
  }

  /** Endpoint, region and credentials from {@code spring.cloud.aws.*} (or a test's connection details), as every Spring Cloud AWS client. */
  private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C syncClient(
      B builder, AwsClientBuilderConfigurer configurer, ObjectProvider<AwsConnectionDetails> connectionDetails,
      ObjectProvider<AwsSyncClientCustomizer> customizers) {
    return configurer
        .configureSyncClient(builder, null, connectionDetails.getIfAvailable(), Stream.<AwsClientCustomizer<B>>empty(), customizers.orderedStream())
        .build();
  }

  private static String serviceName(EventsProperties properties, Environment environment) {
    return properties.service() != null ? properties.service() : environment.getProperty("spring.application.name", "unknown");
  }
}
