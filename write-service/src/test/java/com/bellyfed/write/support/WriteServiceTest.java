package com.bellyfed.write.support;

import com.bellyfed.localaws.junit.LocalAwsTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The one configuration of every integration test of this module, so that Spring's context cache
 * starts the service once per test JVM. local-aws comes first: the service must talk to it, never to AWS.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@LocalAwsTest
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "bellyfed.write.dev-cognito-trigger=true",
      // Short waits so that outage tests recover within seconds, not minutes.
      "bellyfed.events.outbox.sweep-after=1s",
      "bellyfed.events.outbox.sweep-interval=500ms",
      // Rows claimed while the circuit was open wait for their lease to run out; keep that short.
      "bellyfed.events.outbox.lease=5s",
      "bellyfed.events.consumer.first-backoff=2s"
    })
public @interface WriteServiceTest {}
