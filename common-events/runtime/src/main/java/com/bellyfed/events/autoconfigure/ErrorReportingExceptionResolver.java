package com.bellyfed.events.autoconfigure;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Notes the exception a request ended with, before any other resolver turns it into a response, so
 * that {@link ErrorReportingFilter} can report it once the final status is known. Deciding here
 * would report every 404 or 400 that a service's own advice maps from its own exceptions.
 */
final class ErrorReportingExceptionResolver implements HandlerExceptionResolver, Ordered {

  static final String EXCEPTION_ATTRIBUTE = ErrorReportingExceptionResolver.class.getName() + ".exception";

  @Override
  public @Nullable ModelAndView resolveException(
      HttpServletRequest request, HttpServletResponse response, @Nullable Object handler, Exception exception) {
    request.setAttribute(EXCEPTION_ATTRIBUTE, exception);
    return null;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
