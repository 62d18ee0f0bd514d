package com.bellyfed.kit.security;

import com.bellyfed.kit.problem.Problems;
import com.bellyfed.kit.problem.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 403 as a problem, with RFC 6750's {@code insufficient_scope} challenge (section 3.1). */
class ProblemAccessDeniedHandler implements AccessDeniedHandler {

  static final String DETAIL = "This user may not perform this operation";

  private final ProblemResponses problems;

  ProblemAccessDeniedHandler(ProblemResponses problems) {
    this.problems = problems;
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) throws IOException {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\", error_description=\"" + DETAIL + "\"");
    problems.write(request, response, Problems.of(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", DETAIL), headers);
  }
}
