package com.bellyfed.events.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Map;

/** The error-bus schema: which service failed, how badly, with which code and context, and whether a retry may help. */
public record ErrorOccurred(
    @NotBlank String service,
    @NotNull Severity severity,
    @NotBlank String errorCode,
    String message,
    @NotNull Map<String, String> context,
    boolean canRetry) {

  public static final String EVENT_TYPE = "system.error.occurred";

  /** How urgent an error is. */
  public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
  }
}
