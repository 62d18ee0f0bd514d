package com.bellyfed.events.autoconfigure;

import com.bellyfed.events.catalog.ErrorOccurred.Severity;
import com.bellyfed.events.sideeffects.ErrorReporter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reports to the error bus the requests that end in a server error (5xx) because of an exception:
 * unhandled ones, and those a service's advice turned into a 5xx (a 503 for an unavailable table).
 * Client errors (4xx) are the client's, whichever exception carried them.
 */
final class ErrorReportingFilter extends OncePerRequestFilter {

  private final ErrorReporter reporter;

  ErrorReportingFilter(ErrorReporter reporter) {
    this.reporter = reporter;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | IOException | RuntimeException unhandled) {
      report(request, noted(request, unhandled));
      throw unhandled;
    }
    if (response.getStatus() >= 500 && request.getAttribute(ErrorReportingExceptionResolver.EXCEPTION_ATTRIBUTE) instanceof Exception handled) {
      report(request, handled);
    }
  }

  private static Throwable noted(HttpServletRequest request, Exception thrown) {
    Object noted = request.getAttribute(ErrorReportingExceptionResolver.EXCEPTION_ATTRIBUTE);
    if (noted instanceof Throwable original) {
      return original;
    }
    return thrown instanceof ServletException && thrown.getCause() != null ? thrown.getCause() : thrown;
  }

  private void report(HttpServletRequest request, Throwable exception) {
    reporter.report(
        Severity.HIGH,
        exception.getClass().getSimpleName(),
        exception,
        Map.of("method", request.getMethod(), "path", request.getRequestURI()),
        false);
  }
}
