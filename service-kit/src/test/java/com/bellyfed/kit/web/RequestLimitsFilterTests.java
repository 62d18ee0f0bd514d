package com.bellyfed.kit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bellyfed.kit.problem.PayloadTooLargeException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

class RequestLimitsFilterTests {

  private final RequestLimitsFilter filter = new RequestLimitsFilter(
      new WebContractProperties(DataSize.ofBytes(100), DataSize.ofBytes(200), Duration.ofSeconds(1), DataSize.ofKilobytes(16), 50), JsonMapper.builder().build());

  @Test
  void streamsAChunkedBodyUpToTheLimitAndNotOneBytePast() throws Exception {
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    filter.doFilter(chunked(100), new MockHttpServletResponse(), (request, response) -> request.getInputStream().transferTo(seen));
    assertThat(seen.size()).isEqualTo(100);

    assertThatThrownBy(() -> filter.doFilter(chunked(101), new MockHttpServletResponse(),
        (request, response) -> request.getInputStream().transferTo(new ByteArrayOutputStream())))
        .isInstanceOf(PayloadTooLargeException.class);
  }

  @Test
  void refusesADeclaredLengthOverTheLimitBeforeAnyoneReads() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/x");
    request.setContent(new byte[101]);
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, (r, s) -> {
      throw new AssertionError("the body must not reach the chain");
    });
    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    assertThat(response.getContentAsString(StandardCharsets.UTF_8))
        .contains("\"type\":\"urn:bellyfed:problem:payload-too-large\"", "\"status\":413", "\"instance\":\"/api/x\"");
  }

  @Test
  void refusesHeadersOverTheLimitWith431() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/x");
    request.addHeader("X-Big", "y".repeat(200));
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, (r, s) -> {
      throw new AssertionError("the request must not reach the chain");
    });
    assertThat(response.getStatus()).isEqualTo(431);
    assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("urn:bellyfed:problem:headers-too-large");
  }

  /** A body without Content-Length, as a chunked request arrives. */
  private static MockHttpServletRequest chunked(int bytes) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/x") {
      @Override
      public long getContentLengthLong() {
        return -1;
      }

      @Override
      public int getContentLength() {
        return -1;
      }
    };
    request.setContent(new byte[bytes]);
    request.addHeader("Transfer-Encoding", "chunked");
    return request;
  }
}
