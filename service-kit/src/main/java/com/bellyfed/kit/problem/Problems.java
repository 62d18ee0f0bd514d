package com.bellyfed.kit.problem;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the one problem shape: RFC 9457's members and, for invalid input, {@code errors}. */
public final class Problems {

  /** The only extension member: the invalid fields, each with its reason. */
  public static final String ERRORS = "errors";

  private Problems() {}

  public static ProblemDetail of(HttpStatusCode status, URI type, String title, @Nullable String detail) {
    ProblemDetail problem = ProblemDetail.forStatus(status);
    problem.setType(type);
    problem.setTitle(title);
    problem.setDetail(detail);
    return problem;
  }

  public static ProblemDetail of(HttpStatusCode status, @Nullable String detail) {
    HttpStatus known = HttpStatus.resolve(status.value());
    return of(status, ProblemTypes.of(status), known == null ? "Error" : known.getReasonPhrase(), detail);
  }

  /** The request's path as a problem's {@code instance}; null for a path no URI can hold. */
  public static @Nullable URI instance(String path) {
    try {
      return URI.create(path.replace(" ", "%20"));
    } catch (IllegalArgumentException notAUri) {
      return null;
    }
  }

  /** A 400 naming every invalid field; the detail repeats them for a reader without a parser. */
  public static ProblemDetail invalid(List<FieldError> errors) {
    ProblemDetail problem = of(
        HttpStatus.BAD_REQUEST,
        ProblemTypes.INVALID_REQUEST,
        "Invalid request",
        errors.stream().map(error -> error.field() + ": " + error.reason()).collect(Collectors.joining("; ")));
    problem.setProperty(ERRORS, List.copyOf(errors));
    return problem;
  }
}
