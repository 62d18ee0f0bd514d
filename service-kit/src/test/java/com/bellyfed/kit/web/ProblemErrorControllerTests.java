package com.bellyfed.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.MalformedInputException;
import java.time.Duration;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

class ProblemErrorControllerTests {

  private final ProblemErrorController controller =
      new ProblemErrorController(new WebContractProperties(DataSize.ofKilobytes(64), DataSize.ofKilobytes(16), Duration.ofSeconds(3), DataSize.ofKilobytes(16), 50));

  @Test
  void answersAFiltersFailureAsAProblemThatTellsNothingInternal() {
    ResponseEntity<ProblemDetail> answer = controller.error(failed(500, new IllegalStateException("secret detail")));
    assertThat(answer.getStatusCode().value()).isEqualTo(500);
    assertThat(answer.getBody().getType().toString()).isEqualTo("urn:bellyfed:problem:internal");
    assertThat(answer.getBody().getDetail()).doesNotContain("secret");
    assertThat(answer.getBody().getInstance().toString()).isEqualTo("/api/things");
    assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
  }

  @Test
  void answersAnOutageInAFilterWith503AndRetryAfter() {
    ResponseEntity<ProblemDetail> answer = controller.error(failed(500, new UncheckedIOException(new SocketTimeoutException("read timed out"))));
    assertThat(answer.getStatusCode().value()).isEqualTo(503);
    assertThat(answer.getBody().getType().toString()).isEqualTo("urn:bellyfed:problem:service-unavailable");
    assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("3");
  }

  @Test
  void answersParametersTomcatCannotDecodeAs400NotAsAnOutage() {
    ResponseEntity<ProblemDetail> answer = controller.error(failed(500,
        new InvalidParameterException("Character decoding failed", new MalformedInputException(1))));
    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody().getType().toString()).isEqualTo("urn:bellyfed:problem:invalid-request");
    assertThat(answer.getBody().getDetail()).contains("parameters: must be percent-encoded UTF-8");
    assertThat(answer.getHeaders().getFirst("Retry-After")).isNull();
  }

  @Test
  void keepsAClientErrorsStatus() {
    ResponseEntity<ProblemDetail> answer = controller.error(failed(404, null));
    assertThat(answer.getStatusCode().value()).isEqualTo(404);
    assertThat(answer.getBody().getType().toString()).isEqualTo("urn:bellyfed:problem:not-found");
  }

  private static MockHttpServletRequest failed(int status, Throwable failure) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
    request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
    request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/things");
    if (failure != null) {
      request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, failure);
    }
    return request;
  }
}
