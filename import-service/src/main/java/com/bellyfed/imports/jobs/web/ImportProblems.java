package com.bellyfed.imports.jobs.web;

import com.bellyfed.imports.records.BodyTooLargeException;
import com.bellyfed.imports.records.Format;
import com.bellyfed.imports.records.InvalidHeaderException;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** RFC 9457 problem details for every way an import request can be wrong, each naming the field and what was expected. */
// Ahead of Boot's generic problem-details advice, so that these answers name the field.
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = ImportController.class)
class ImportProblems {

  @ExceptionHandler
  ProblemDetail on(UnknownJobException unknown) {
    return problem(HttpStatus.NOT_FOUND, "Unknown import job", unknown.getMessage());
  }

  @ExceptionHandler
  ProblemDetail on(UnsupportedContentTypeException unsupported) {
    ProblemDetail problem = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type",
        unsupported.getMessage() + "; expected one of " + Format.known());
    problem.setProperty("expected", List.of(Format.NDJSON.mediaType(), Format.CSV.mediaType()));
    return problem;
  }

  @ExceptionHandler
  ProblemDetail on(InvalidRequestException invalid) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid import request", invalid.getMessage());
    problem.setProperty("errors", List.of(Map.of("field", invalid.field(), "reason", invalid.reason())));
    return problem;
  }

  @ExceptionHandler
  ProblemDetail on(MissingServletRequestParameterException missing) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid import request", missing.getParameterName() + " is required");
    problem.setProperty("errors", List.of(Map.of("field", missing.getParameterName(), "reason", "is required")));
    return problem;
  }

  @ExceptionHandler
  ProblemDetail on(MethodArgumentTypeMismatchException mismatch) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid import request", mismatch.getName() + " has an invalid value");
    problem.setProperty("errors", List.of(Map.of("field", mismatch.getName(), "reason", "has an invalid value")));
    return problem;
  }

  @ExceptionHandler
  ProblemDetail on(InvalidHeaderException header) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid CSV header", header.getMessage());
    problem.setProperty("errors", List.of(Map.of("field", "header", "reason", header.getMessage())));
    return problem;
  }

  @ExceptionHandler
  ProblemDetail on(BodyTooLargeException tooLarge) {
    ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "Body too large", tooLarge.getMessage());
    problem.setProperty("limit", tooLarge.limit());
    return problem;
  }

  @ExceptionHandler
  ProblemDetail on(JobFinishedException finished) {
    ProblemDetail problem = problem(HttpStatus.CONFLICT, "Import job already finished", finished.getMessage());
    problem.setProperty("state", finished.job().state().name());
    return problem;
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }
}
