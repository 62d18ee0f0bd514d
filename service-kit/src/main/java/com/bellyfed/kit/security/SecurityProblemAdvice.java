package com.bellyfed.kit.security;

import com.bellyfed.kit.problem.ForbiddenException;
import com.bellyfed.kit.problem.Problems;
import com.bellyfed.kit.problem.ProblemTypes;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Security's exceptions raised inside a controller (method security, {@link Actor} without a token):
 * ahead of the kit's ProblemHandler, whose last resort would answer them with 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityProblemAdvice {

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ProblemDetail> denied(AccessDeniedException denied) {
    ForbiddenException forbidden = new ForbiddenException(ProblemAccessDeniedHandler.DETAIL);
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(forbidden.getBody());
  }

  @ExceptionHandler(AuthenticationException.class)
  ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException failure) {
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .body(Problems.of(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, "Unauthorized",
            "This operation needs a bearer token (Authorization: Bearer <access token>)"));
  }
}
