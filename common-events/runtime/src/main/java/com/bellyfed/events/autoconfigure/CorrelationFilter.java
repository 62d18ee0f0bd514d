package com.bellyfed.events.autoconfigure;

import com.bellyfed.events.envelope.Correlation;
import io.micrometer.common.KeyValue;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Takes the request's {@code X-Correlation-Id}, else the trace id of a W3C {@code traceparent},
 * else a new id; puts it in the MDC for the request's log lines and events, and echoes it in the
 * response. Ids that are not plain tokens are replaced, so headers cannot inject into logs.
 *
 * <p>It runs inside Spring's {@code ServerHttpObservationFilter} (see {@link #ORDER}): the request's
 * observation, and with it its span and the MDC's {@code traceId}, is already current, and the
 * correlation id is added to it as the high-cardinality key {@code correlation.id} (a tag of the
 * request's span, never of its metrics), so a trace can be found by the id a client sent.
 */
public final class CorrelationFilter extends OncePerRequestFilter {

  public static final String HEADER = "X-Correlation-Id";

  /** Right after Spring Boot's {@code ServerHttpObservationFilter} ({@code HIGHEST_PRECEDENCE + 1}). */
  public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

  /** The key of the correlation id on the request's observation. */
  public static final String OBSERVATION_KEY = "correlation.id";
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String correlationId = correlationId(request.getHeader(HEADER), request.getHeader("traceparent"));
    response.setHeader(HEADER, correlationId);
    ServerHttpObservationFilter.findObservationContext(request)
        .ifPresent(observation -> observation.addHighCardinalityKeyValue(KeyValue.of(OBSERVATION_KEY, correlationId)));
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
