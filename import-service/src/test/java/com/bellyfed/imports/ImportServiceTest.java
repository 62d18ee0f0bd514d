package com.bellyfed.imports;

import com.bellyfed.localaws.junit.LocalAwsTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The one configuration of every integration test of the service, so that Spring's context cache
 * starts it once per JVM: local-aws first (the event runtime must never reach AWS), short
 * backoffs so a failing chunk reaches the DLQ in seconds, and a body limit a test can exceed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@LocalAwsTest
@SpringBootTest(
    classes = ImportServiceApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "bellyfed.events.consumer.first-backoff=1s",
      "bellyfed.events.consumer.max-backoff=4s",
      "bellyfed.web.max-body-size=64MB",
      "bellyfed.imports.stream-interval=100ms"
    })
public @interface ImportServiceTest {}
