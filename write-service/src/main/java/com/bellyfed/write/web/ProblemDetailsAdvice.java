package com.bellyfed.write.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import software.amazon.awssdk.core.exception.SdkException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Every error as RFC 9457 problem details. Invalid input names each field and its reason, in the
 * detail and in an {@code errors} list of {@code {field, reason}}.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  @Override
  protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<Map<String, String>> errors = new ArrayList<>();
    exception.getBindingResult().getFieldErrors().stream()
        .sorted(Comparator.comparing(FieldError::getField))
        .forEach(error -> errors.add(fieldError(error.getField(), String.valueOf(error.getDefaultMessage()))));
    exception.getBindingResult().getGlobalErrors()
        .forEach(error -> errors.add(fieldError(error.getObjectName(), String.valueOf(error.getDefaultMessage()))));
    return invalid(errors, headers);
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<Map<String, String>> errors = new ArrayList<>();
    exception.getParameterValidationResults().forEach(result -> {
      if (result instanceof ParameterErrors body) {
        // A @Valid @RequestBody validated together with constrained path variables: name its fields.
        body.getFieldErrors().forEach(error -> errors.add(fieldError(error.getField(), String.valueOf(error.getDefaultMessage()))));
      } else {
        result.getResolvableErrors().forEach(error ->
            errors.add(fieldError(String.valueOf(result.getMethodParameter().getParameterName()), String.valueOf(error.getDefaultMessage()))));
      }
    });
    errors.sort(Comparator.comparing(error -> error.get("field")));
    return invalid(errors, headers);
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Throwable cause = exception.getCause();
    if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
      String field = databind.getPath().stream()
          .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName() : "[" + reference.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      return invalid(List.of(fieldError(field, "has the wrong type or format")), headers);
    }
    String reason = cause instanceof JacksonException ? "the body is not valid JSON" : "the body is missing or unreadable";
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, reason);
    problem.setTitle("Unreadable request body");
    return ResponseEntity.badRequest().headers(headers).body(problem);
  }

  /** DynamoDB or another AWS dependency failed: nothing was written, and the client may retry. */
  @ExceptionHandler(SdkException.class)
  ResponseEntity<ProblemDetail> unavailable(SdkException exception) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(
        HttpStatus.SERVICE_UNAVAILABLE, "Storage is unavailable; nothing was written. Try again shortly.");
    problem.setTitle("Service unavailable");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
  }

  private static ResponseEntity<Object> invalid(List<Map<String, String>> errors, HttpHeaders headers) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(
        HttpStatus.BAD_REQUEST,
        errors.stream().map(error -> "field '" + error.get("field") + "' " + error.get("reason")).collect(Collectors.joining("; ")));
    problem.setTitle("Invalid request");
    problem.setProperty("errors", errors);
    return ResponseEntity.badRequest().headers(headers).body(problem);
  }

  private static Map<String, String> fieldError(String field, String reason) {
    return Map.of("field", field, "reason", reason);
  }
}
