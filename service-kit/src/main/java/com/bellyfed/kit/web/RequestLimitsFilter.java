package com.bellyfed.kit.web;

import com.bellyfed.kit.problem.PayloadTooLargeException;
import com.bellyfed.kit.problem.ProblemTypes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's size limits, before anything reads the request: headers over
 * {@code bellyfed.web.max-header-size} get 431, a declared body over
 * {@code bellyfed.web.max-body-size} 413 at once; a body without a length (chunked) is counted as
 * it is read and fails with {@link PayloadTooLargeException} one byte past the limit, so it is
 * streamed, never buffered.
 */
public class RequestLimitsFilter extends OncePerRequestFilter {

  private final long maxBodyBytes;
  private final long maxHeaderBytes;
  private final JsonMapper json;

  public RequestLimitsFilter(WebContractProperties properties, JsonMapper json) {
    this.maxBodyBytes = properties.maxBodySize().toBytes();
    this.maxHeaderBytes = properties.maxHeaderSize().toBytes();
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (headerBytes(request) > maxHeaderBytes) {
      refuse(request, response, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, ProblemTypes.HEADERS_TOO_LARGE,
          "Request headers too large", "The request headers must be at most " + maxHeaderBytes + " bytes in all");
      return;
    }
    if (request.getContentLengthLong() > maxBodyBytes) {
      refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE,
          "Payload too large", "The request body must be at most " + maxBodyBytes + " bytes");
      return;
    }
    chain.doFilter(new LimitedRequest(request, maxBodyBytes), response);
  }

  private long headerBytes(HttpServletRequest request) {
    long total = 0;
    for (String name : Collections.list(request.getHeaderNames())) {
      for (String value : Collections.list(request.getHeaders(name))) {
        total += name.length() + value.length() + 4; // ": " and CRLF
      }
    }
    return total;
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, java.net.URI type,
      String title, String detail) throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", type.toString());
    problem.put("title", title);
    problem.put("status", status.value());
    problem.put("detail", detail);
    problem.put("instance", request.getRequestURI());
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    // The body is left unread: the connection cannot carry another request.
    response.setHeader(HttpHeaders.CONNECTION, "close");
    byte[] body = json.writeValueAsBytes(problem);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** The request with a body that cannot be read past the limit. */
  private static final class LimitedRequest extends HttpServletRequestWrapper {

    private final long limit;
    private @Nullable ServletInputStream limited;

    LimitedRequest(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (limited == null) {
        limited = new LimitedInputStream(super.getInputStream(), limit);
      }
      return limited;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }

  private static final class LimitedInputStream extends ServletInputStream {

    private final ServletInputStream in;
    private final long limit;
    private long read;

    LimitedInputStream(ServletInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int next = in.read();
      if (next >= 0) {
        count(1);
      }
      return next;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > limit) {
        throw new PayloadTooLargeException(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
