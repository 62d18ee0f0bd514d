package com.bellyfed.events.listener;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The listeners' long poll: {@code spring.cloud.aws.sqs.listener.poll-timeout} 2 s instead of Spring Cloud AWS's 10 s.
 *
 * <p>A stopping container waits for its outstanding ReceiveMessage to return before it lets the context close
 * (the poll holds back-pressure permits that {@code stop()} drains), so the poll's wait is the floor of every
 * graceful shutdown: with 10 s a service took 8–12 s to stop on SIGTERM, past the 10 s after which podman and
 * Docker send SIGKILL, and every test JVM paid it once per cached context. Two seconds is still long polling
 * (WaitTimeSeconds above 0, no empty-receive storm); an idle queue costs one ReceiveMessage every 2 s per
 * instance. A default only: the property source goes last, so configuration or the environment
 * ({@code SPRING_CLOUD_AWS_SQS_LISTENER_POLL_TIMEOUT}) wins.
 */
public final class ListenerDefaults implements EnvironmentPostProcessor {

  static final String SOURCE = "bellyfedListenerDefaults";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.getPropertySources().contains(SOURCE)) {
      environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of("spring.cloud.aws.sqs.listener.poll-timeout", "2s")));
    }
  }
}
