package com.bellyfed.write.support;

import com.bellyfed.localaws.junit.LocalAwsTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one configuration of every integration test of this module, so that Spring's context cache
 * starts the service once per test JVM. local-aws comes first: the service must talk to it, never to AWS;
 * its user pool is the token issuer (the extension sets {@code bellyfed.security.issuer-uri} and
 * {@code client-ids}). Actuator is on its own random port ({@code @LocalManagementPort}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@LocalAwsTest
// Outside the profiles local and test, the service refuses to start without its production settings.
@ActiveProfiles("test")
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      // Rate limits: the service's own rule for /api/** with limits no test reaches (the rating test alone posts
      // 500 reviews from one address), and, first, a rule only WriteRateLimitIntegrationTests calls, with limits
      // small enough to reach. Lists replace each other whole, so both rules are named here.
      "bellyfed.security.rate-limits.rules[0].path=/api/users/rate-limited-*/**",
      "bellyfed.security.rate-limits.rules[0].per-user=test-per-user",
      "bellyfed.security.rate-limits.rules[0].per-address=test-per-address",
      "bellyfed.security.rate-limits.rules[1].path=/api/**",
      "bellyfed.security.rate-limits.rules[1].per-user=writes-per-user",
      "bellyfed.security.rate-limits.rules[1].per-address=writes-per-address",
      "resilience4j.ratelimiter.configs.writes-per-user.limit-for-period=1000000",
      "resilience4j.ratelimiter.configs.writes-per-address.limit-for-period=1000000",
      "resilience4j.ratelimiter.configs.test-per-user.limit-for-period=3",
      "resilience4j.ratelimiter.configs.test-per-user.limit-refresh-period=5s",
      "resilience4j.ratelimiter.configs.test-per-user.timeout-duration=0",
      "resilience4j.ratelimiter.configs.test-per-address.limit-for-period=5",
      "resilience4j.ratelimiter.configs.test-per-address.limit-refresh-period=5s",
      "resilience4j.ratelimiter.configs.test-per-address.timeout-duration=0",
      // Short waits so that outage tests recover within seconds, not minutes.
      "bellyfed.events.outbox.sweep-after=1s",
      "bellyfed.events.outbox.sweep-interval=500ms",
      // Rows claimed while the circuit was open wait for their lease to run out; keep that short.
      "bellyfed.events.outbox.lease=5s",
      "bellyfed.events.consumer.first-backoff=2s"
    })
public @interface WriteServiceTest {}
