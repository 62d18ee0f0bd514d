package com.bellyfed.analytics.web;

import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every error as RFC 9457 problem details: Spring MVC's own exceptions (415, 400 for an
 * unreadable body or a mistyped parameter, 405, ...) through {@link ResponseEntityExceptionHandler},
 * ours as the {@code ErrorResponseException}s they are.
 */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {}
