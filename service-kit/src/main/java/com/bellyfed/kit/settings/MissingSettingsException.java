package com.bellyfed.kit.settings;

/** The start is refused: settings with no safe default outside the local profiles are missing. */
public class MissingSettingsException extends IllegalStateException {

  public MissingSettingsException(String message) {
    super(message);
  }
}
