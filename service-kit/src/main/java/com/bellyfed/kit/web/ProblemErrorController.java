package com.bellyfed.kit.web;

import com.bellyfed.kit.outage.Outages;
import com.bellyfed.kit.problem.FieldError;
import com.bellyfed.kit.problem.ProblemTypes;
import com.bellyfed.kit.problem.Problems;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page (an exception or status from a filter, outside Spring MVC's
 * handlers) in the same problem shape as {@link com.bellyfed.kit.problem.ProblemHandler}'s answers,
 * instead of Spring Boot's own JSON. Tells nothing internal: no message, no trace.
 */
// Not an API of the service: only the servlet container forwards here, so it stays out of the OpenAPI documents.
@Hidden
@RestController
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

  private final WebContractProperties properties;

  public ProblemErrorController(WebContractProperties properties) {
    this.properties = properties;
  }

  @RequestMapping
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatusCode status = HttpStatusCode.valueOf(code instanceof Integer value && value >= 400 ? value : 500);
    Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    HttpHeaders headers = new HttpHeaders();
    ProblemDetail problem;
    if (failure instanceof Throwable thrown && undecodableParameters(thrown)) {
      // A form body the query-string filter cannot see: Tomcat's failure has an IOException cause, not an outage.
      status = HttpStatus.BAD_REQUEST;
      problem = Problems.invalid(List.of(new FieldError("parameters", "must be percent-encoded UTF-8")));
    } else if (failure instanceof Throwable thrown && status.is5xxServerError() && (Outages.isOutage(thrown) || isOpenBreaker(thrown))) {
      status = HttpStatus.SERVICE_UNAVAILABLE;
      problem = Problems.of(status, ProblemTypes.SERVICE_UNAVAILABLE, "Service unavailable",
          "A service this one depends on is unavailable. Try again later.");
      headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, properties.retryAfter().toSeconds())));
    } else if (status.is5xxServerError()) {
      problem = Problems.of(status, ProblemTypes.INTERNAL, "Internal error", "The request failed unexpectedly.");
    } else {
      problem = Problems.of(status, null);
    }
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (uri instanceof String path) {
      problem.setInstance(Problems.instance(path));
    }
    headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return new ResponseEntity<>(problem, headers, status);
  }

  /** Tomcat's {@code InvalidParameterException}, by name: the kit does not tie itself to Tomcat's classes here. */
  private static boolean undecodableParameters(Throwable failure) {
    for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
      if (cause.getClass().getName().equals("org.apache.tomcat.util.http.InvalidParameterException")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isOpenBreaker(Throwable failure) {
    for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
      if (cause instanceof CallNotPermittedException) {
        return true;
      }
    }
    return false;
  }
}
