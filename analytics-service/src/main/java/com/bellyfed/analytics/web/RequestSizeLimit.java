package com.bellyfed.analytics.web;

import com.bellyfed.analytics.AnalyticsSettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body over {@code bellyfed.analytics.max-request-body} with 413 before anything
 * reads it. Bodies without a Content-Length (chunked) are refused too: no endpoint here needs one.
 */
@Component
class RequestSizeLimit extends OncePerRequestFilter {

  private final long maxBytes;

  RequestSizeLimit(AnalyticsSettings settings) {
    this.maxBytes = settings.maxRequestBody().toBytes();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long length = request.getContentLengthLong();
    boolean chunked = length < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
    if (length > maxBytes || chunked) {
      response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.getWriter().write(
          "{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,\"detail\":\"The request body must be at most "
              + maxBytes + " bytes, with a Content-Length\",\"instance\":\"" + request.getRequestURI().replace("\"", "") + "\"}");
      return;
    }
    chain.doFilter(request, response);
  }
}
