package com.bellyfed.imports;

import com.bellyfed.localaws.junit.LocalAwsTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one configuration of every integration test of the service, so that Spring's context cache
 * starts it once per JVM: local-aws first (the event runtime must never reach AWS; its user pool is the
 * token issuer), the profile {@code test}, actuator on a random port of its own, short backoffs so a
 * failing chunk reaches the DLQ in seconds, a body limit a test can exceed, and rate limits a test can pass.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@LocalAwsTest
@ActiveProfiles("test")
@SpringBootTest(
    classes = ImportServiceApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "management.server.port=0",
      // Rate limits a test run stays far below, with a short period: ImportRateLimitIntegrationTests bursts past them
      // from addresses and users of its own.
      "resilience4j.ratelimiter.configs.imports-per-user.limit-for-period=60",
      "resilience4j.ratelimiter.configs.imports-per-user.limit-refresh-period=5s",
      "resilience4j.ratelimiter.configs.imports-per-address.limit-for-period=120",
      "resilience4j.ratelimiter.configs.imports-per-address.limit-refresh-period=5s",
      "bellyfed.events.consumer.first-backoff=1s",
      "bellyfed.events.consumer.max-backoff=4s",
      "bellyfed.web.max-body-size=64MB",
      "bellyfed.imports.stream-interval=100ms"
    })
public @interface ImportServiceTest {}
