package com.bellyfed.kit.problem;

import com.bellyfed.kit.outage.Outages;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Every error of every service as one RFC 9457 shape: {@code type} (a {@link ProblemTypes} URI),
 * {@code title}, {@code status}, {@code detail}, {@code instance} and, for invalid input,
 * {@code errors[{field, reason}]}. Spring MVC's own exceptions come through
 * {@link ResponseEntityExceptionHandler} and are given field errors where they concern one
 * input; an outage is a 503 with {@code Retry-After}; anything else is a 500 that is logged and
 * tells the client nothing about our internals.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

  private final Duration defaultRetryAfter;
  private final @Nullable CircuitBreakerRegistry breakers;

  /**
   * @param defaultRetryAfter the wait a 503 asks for when its cause does not know a better one
   * @param breakers where an open breaker's wait is read from; null where a service has no registry
   */
  public ProblemHandler(Duration defaultRetryAfter, @Nullable CircuitBreakerRegistry breakers) {
    this.defaultRetryAfter = defaultRetryAfter;
    this.breakers = breakers;
  }

  /** The last resort: an outage is a 503 with Retry-After, anything else a 500. */
  @ExceptionHandler(Exception.class)
  @Nullable ResponseEntity<Object> onAnyOther(Exception failure, WebRequest request) {
    // A known answer wrapped by a parser or a service layer (e.g. a body over the limit, found mid-read).
    Optional<ErrorResponse> wrapped = causeOf(failure, ErrorResponse.class);
    if (wrapped.isPresent() && wrapped.get() instanceof Exception known) {
      ErrorResponse response = wrapped.get();
      return handleExceptionInternal(known, response.getBody(), response.getHeaders(), response.getStatusCode(), request);
    }
    Optional<CallNotPermittedException> openBreaker = causeOf(failure, CallNotPermittedException.class);
    if (openBreaker.isPresent() || Outages.isOutage(failure)) {
      Duration wait = openBreaker.map(this::openStateWait).orElse(defaultRetryAfter);
      log.warn("Answering 503: a dependency is unavailable ({})", String.valueOf(failure));
      ServiceUnavailableException unavailable =
          new ServiceUnavailableException("A service this one depends on is unavailable. Try again later.", wait, failure);
      return handleExceptionInternal(unavailable, unavailable.getBody(), unavailable.getHeaders(), unavailable.getStatusCode(), request);
    }
    log.error("Request failed", failure);
    ProblemDetail problem = Problems.of(
        HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL, "Internal error", "The request failed unexpectedly.");
    return handleExceptionInternal(failure, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldError> errors = new ArrayList<>();
    exception.getBindingResult().getFieldErrors().forEach(error ->
        errors.add(new FieldError(error.getField(), String.valueOf(error.getDefaultMessage()))));
    exception.getBindingResult().getGlobalErrors().forEach(error ->
        errors.add(new FieldError(error.getObjectName(), String.valueOf(error.getDefaultMessage()))));
    return invalid(exception, errors, headers, request);
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldError> errors = new ArrayList<>();
    exception.getParameterValidationResults().forEach(result -> {
      if (result instanceof ParameterErrors body) {
        // A @Valid @RequestBody validated together with constrained parameters: name its fields.
        body.getFieldErrors().forEach(error ->
            errors.add(new FieldError(error.getField(), String.valueOf(error.getDefaultMessage()))));
      } else {
        String name = parameterName(result.getMethodParameter().getParameterName());
        result.getResolvableErrors().forEach(error -> errors.add(new FieldError(name, String.valueOf(error.getDefaultMessage()))));
      }
    });
    return invalid(exception, errors, headers, request);
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Optional<PayloadTooLargeException> tooLarge = causeOf(exception, PayloadTooLargeException.class);
    if (tooLarge.isPresent()) {
      return handleErrorResponseException(tooLarge.get(), tooLarge.get().getHeaders(), tooLarge.get().getStatusCode(), request);
    }
    Throwable cause = exception.getCause();
    if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
      return invalid(exception, List.of(new FieldError(jsonPath(databind), "has the wrong type or format")), headers, request);
    }
    String reason = cause instanceof JacksonException ? "is not valid JSON" : "is missing or unreadable";
    return invalid(exception, List.of(new FieldError("body", reason)), headers, request);
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return invalid(exception, List.of(new FieldError(exception.getParameterName(), "is required")), headers, request);
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleMissingServletRequestPart(
      MissingServletRequestPartException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return invalid(exception, List.of(new FieldError(exception.getRequestPartName(), "is required")), headers, request);
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleServletRequestBindingException(
      ServletRequestBindingException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (exception instanceof MissingRequestHeaderException header) {
      return invalid(exception, List.of(new FieldError(header.getHeaderName(), "is required")), headers, request);
    }
    return super.handleServletRequestBindingException(exception, headers, status, request);
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String name = exception instanceof MethodArgumentTypeMismatchException argument
        ? argument.getName()
        : parameterName(exception.getPropertyName());
    Class<?> required = exception.getRequiredType();
    String reason = required == null ? "has an invalid value" : "must be " + describe(required);
    return invalid(exception, List.of(new FieldError(name, reason)), headers, request);
  }

  /** Every answer of this handler passes here: the one place the shape is completed. */
  @Override
  protected ResponseEntity<Object> createResponseEntity(
      @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem = body instanceof ProblemDetail detail ? detail : Problems.of(status, null);
    complete(problem, status, request);
    HttpHeaders answerHeaders = new HttpHeaders();
    answerHeaders.putAll(headers);
    answerHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return new ResponseEntity<>(problem, answerHeaders, status);
  }

  /** Fills what Spring's own problems leave open: a {@link ProblemTypes} type, a title, the instance. */
  static void complete(ProblemDetail problem, HttpStatusCode status, @Nullable WebRequest request) {
    if (problem.getType() == null || URI.create("about:blank").equals(problem.getType())) {
      problem.setType(ProblemTypes.of(status));
    }
    if (problem.getTitle() == null) {
      HttpStatus known = HttpStatus.resolve(status.value());
      problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
    }
    if (problem.getInstance() == null && request instanceof ServletWebRequest servlet) {
      HttpServletRequest http = servlet.getRequest();
      problem.setInstance(Problems.instance(http.getRequestURI()));
    }
    // Only our members: Spring's problems may carry their own (e.g. "supported" media types).
    if (problem.getProperties() != null) {
      problem.getProperties().keySet().removeIf(name -> !Problems.ERRORS.equals(name));
    }
  }

  private ResponseEntity<Object> invalid(Exception exception, List<FieldError> errors, HttpHeaders headers, WebRequest request) {
    List<FieldError> sorted = errors.stream().sorted(Comparator.comparing(FieldError::field)).toList();
    return handleExceptionInternal(exception, Problems.invalid(sorted), headers, HttpStatus.BAD_REQUEST, request);
  }

  private Duration openStateWait(CallNotPermittedException open) {
    if (breakers == null) {
      return defaultRetryAfter;
    }
    return breakers.find(open.getCausingCircuitBreakerName())
        .map(breaker -> Duration.ofMillis(breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1)))
        .orElse(defaultRetryAfter);
  }

  /** Jackson's path as the client wrote it: {@code address.city}, {@code tags[2]}. */
  private static String jsonPath(DatabindException databind) {
    return databind.getPath().stream()
        .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName() : "[" + reference.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static String parameterName(@Nullable String name) {
    return name == null ? "parameter" : name;
  }

  private static String describe(Class<?> type) {
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type.isEnum()) {
      return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
    }
    return "a valid " + type.getSimpleName();
  }

  private static <T> Optional<T> causeOf(Throwable failure, Class<T> type) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return Optional.of(type.cast(cause));
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return Optional.empty();
  }
}
