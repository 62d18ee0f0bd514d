package com.bellyfed.analytics;

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
 * starts the service once per test JVM: local-aws first (the service must talk to it, never to
 * AWS), then the whole application on a random port. Failed handlers back off for a second, DLQ
 * depths are read every second, and a replay job whose instance died is taken over within about six
 * seconds, so that tests stay short. The profile {@code test} lets the service start without the settings a
 * deployment must give (the required-settings check); local-aws's user pool is its token issuer, and actuator
 * has a port of its own, as deployed. The meters go to local-aws's CloudWatch every second, as a deployment
 * with a namespace sends them every minute ({@code CloudWatchExportIntegrationTests} reads them): configured here
 * rather than on that class, which would start a second context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@LocalAwsTest
@ActiveProfiles("test")
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {"bellyfed.events.consumer.first-backoff=1s", "bellyfed.analytics.dlq-poll-interval=1s",
        "bellyfed.analytics.replay-lease=5s", "bellyfed.analytics.replay-claim-interval=1s",
        "management.server.port=0", "management.cloudwatch.metrics.export.namespace=Bellyfed/dev",
        "management.cloudwatch.metrics.export.step=1s"})
public @interface AnalyticsIntegrationTest {}
