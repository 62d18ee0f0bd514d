package com.bellyfed.analytics;

import com.bellyfed.kit.problem.FieldError;
import com.bellyfed.kit.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A query whose percent-encoded bytes are not UTF-8 ({@code ?correlationId=%C3%28}) is the client's error, a 400.
 * Tomcat refuses it with an {@link InvalidParameterException} caused by a {@code CharacterCodingException},
 * an {@code IOException}, which service-kit's ProblemHandler took for an unreachable dependency and answered
 * 503 with Retry-After (found by the hostile-input suite). Ahead of the kit's handler; the fix belongs in the
 * kit, for every service, after which this class can go.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UndecodableParameterAdvice {

  @ExceptionHandler(InvalidParameterException.class)
  ResponseEntity<ProblemDetail> undecodable(InvalidParameterException failure, HttpServletRequest request) {
    ProblemDetail problem = Problems.invalid(List.of(new FieldError("query", "is not valid UTF-8 once percent-decoded")));
    problem.setInstance(Problems.instance(request.getRequestURI()));
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
