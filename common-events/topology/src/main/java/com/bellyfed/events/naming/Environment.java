package com.bellyfed.events.naming;

import java.util.Arrays;
import java.util.Locale;

/** The deployment environments every name is parameterised by. */
public enum Environment {
  DEV,
  STAGING,
  PROD;

  /** The lower-case form used inside resource names. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Environment of(String id) {
    return Arrays.stream(values())
        .filter(env -> env.id().equals(id.toLowerCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Unknown environment '" + id + "'; expected one of dev, staging, prod"));
  }
}
