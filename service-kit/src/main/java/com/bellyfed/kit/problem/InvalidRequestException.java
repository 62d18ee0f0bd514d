package com.bellyfed.kit.problem;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A 400 naming every invalid field with its reason. An {@code ErrorResponseException}, so that the
 * error reporter does not count it as the service's fault.
 */
public class InvalidRequestException extends ErrorResponseException {

  private final List<FieldError> errors;

  public InvalidRequestException(List<FieldError> errors) {
    super(HttpStatus.BAD_REQUEST, Problems.invalid(errors), null);
    this.errors = List.copyOf(errors);
  }

  public static InvalidRequestException of(String field, String reason) {
    return new InvalidRequestException(List.of(new FieldError(field, reason)));
  }

  public List<FieldError> errors() {
    return errors;
  }

  @Override
  public String getMessage() {
    return getBody().getDetail();
  }
}
