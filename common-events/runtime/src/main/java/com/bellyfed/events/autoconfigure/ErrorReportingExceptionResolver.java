package com.bellyfed.events.autoconfigure;

import com.bellyfed.events.catalog.ErrorOccurred.Severity;
import com.bellyfed.events.sideeffects.ErrorReporter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Reports every exception a request ends with to the error bus, unless it is the client's fault
 * (an {@link ErrorResponse} with a 4xx status), then lets the usual resolvers write the response.
 */
final class ErrorReportingExceptionResolver implements HandlerExceptionResolver, Ordered {

  private final ErrorReporter reporter;

  ErrorReportingExceptionResolver(ErrorReporter reporter) {
    this.reporter = reporter;
  }

  @Override
  public @Nullable ModelAndView resolveException(
      HttpServletRequest request, HttpServletResponse response, @Nullable Object handler, Exception exception) {
    boolean clientError = exception instanceof ErrorResponse error && error.getStatusCode().is4xxClientError();
    if (!clientError) {
      reporter.report(
          Severity.HIGH,
          exception.getClass().getSimpleName(),
          exception,
          Map.of("method", request.getMethod(), "path", request.getRequestURI()),
          false);
    }
    return null;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
