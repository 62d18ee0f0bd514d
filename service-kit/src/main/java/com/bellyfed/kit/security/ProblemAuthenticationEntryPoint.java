package com.bellyfed.kit.security;

import com.bellyfed.kit.problem.Problems;
import com.bellyfed.kit.problem.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 (or 400 for a malformed Authorization header) as a problem, with RFC 6750's challenge: a request
 * without credentials gets a bare {@code Bearer} (section 3.1: no error code then), a refused token
 * {@code Bearer error="invalid_token", error_description="..."}.
 */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

  private final ProblemResponses problems;

  ProblemAuthenticationEntryPoint(ProblemResponses problems) {
    this.problems = problems;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    HttpStatus status = HttpStatus.UNAUTHORIZED;
    String challenge = "Bearer";
    String detail = "This operation needs a bearer token (Authorization: Bearer <access token>)";
    if (failure instanceof OAuth2AuthenticationException oauth && oauth.getError() instanceof BearerTokenError error) {
      status = HttpStatus.valueOf(error.getHttpStatus().value());
      String description = Challenges.quotable(error.getDescription() == null ? "The token was refused" : error.getDescription());
      challenge = "Bearer error=\"" + error.getErrorCode() + "\", error_description=\"" + description + "\"";
      detail = description;
    }
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge);
    String title = status == HttpStatus.UNAUTHORIZED ? "Unauthorized" : "Invalid request";
    problems.write(request, response, Problems.of(status, ProblemTypes.of(status), title, detail), headers);
  }
}
