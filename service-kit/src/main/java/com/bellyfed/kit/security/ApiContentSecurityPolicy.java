package com.bellyfed.kit.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.header.HeaderWriter;

/** The API's Content-Security-Policy on every answer but Swagger UI's pages, which need their scripts and styles. */
final class ApiContentSecurityPolicy implements HeaderWriter {

  private final String policy;

  ApiContentSecurityPolicy(String policy) {
    this.policy = policy;
  }

  @Override
  public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith("/swagger-ui") && !response.containsHeader("Content-Security-Policy")) {
      response.setHeader("Content-Security-Policy", policy);
    }
  }
}
