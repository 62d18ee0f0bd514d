package com.bellyfed.kit.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The port of actuator's own server, where {@code management.server.port} gives it one: that port is kept
 * private by the deployment (the chart exposes only the service port), so every actuator endpoint on it is
 * open (Prometheus scrapes without a token). Known once the management server has started.
 */
final class ManagementPort implements ApplicationListener<WebServerInitializedEvent>, RequestMatcher {

  static final String NAMESPACE = "management";

  private volatile int port = -1;

  @Override
  public void onApplicationEvent(WebServerInitializedEvent event) {
    if (NAMESPACE.equals(event.getApplicationContext().getServerNamespace())) {
      port = event.getWebServer().getPort();
    }
  }

  int port() {
    return port;
  }

  @Override
  public boolean matches(HttpServletRequest request) {
    return port > 0 && request.getLocalPort() == port;
  }
}
