package com.bellyfed.events.autoconfigure;

import com.bellyfed.events.envelope.Correlation;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes the request's {@code X-Correlation-Id}, else the trace id of a W3C {@code traceparent},
 * else a new id; puts it in the MDC for the request's log lines and events, and echoes it in the
 * response. Ids that are not plain tokens are replaced, so headers cannot inject into logs.
 */
public final class CorrelationFilter extends OncePerRequestFilter {

  public static final String HEADER = "X-Correlation-Id";
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String correlationId = correlationId(request.getHeader(HEADER), request.getHeader("traceparent"));
    response.setHeader(HEADER, correlationId);
    try {
      Correlation.with(correlationId, null, () -> {
        try {
          chain.doFilter(request, response);
        } catch (IOException | ServletException e) {
          throw new FilterFailure(e);
        }
      });
    } catch (FilterFailure failure) {
      if (failure.getCause() instanceof IOException io) {
        throw io;
      }
      throw (ServletException) failure.getCause();
    }
  }

  static String correlationId(@Nullable String header, @Nullable String traceparent) {
    if (header != null && SAFE_ID.matcher(header).matches()) {
      return header;
    }
    if (traceparent != null) {
      var matcher = TRACEPARENT.matcher(traceparent.trim());
      if (matcher.matches()) {
        return matcher.group(1);
      }
    }
    return UUID.randomUUID().toString();
  }

  /** Carries a checked exception of the chain through {@link Correlation#with}. */
  private static final class FilterFailure extends RuntimeException {
    FilterFailure(Exception cause) {
      super(cause);
    }
  }
}
