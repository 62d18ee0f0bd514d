package com.bellyfed.kit.settings;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the refusal as Boot's "APPLICATION FAILED TO START" report instead of a stack trace. */
class MissingSettingsFailureAnalyzer extends AbstractFailureAnalyzer<MissingSettingsException> {

  @Override
  protected FailureAnalysis analyze(Throwable root, MissingSettingsException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "Set the missing settings (environment variables in the deployment), or activate the profile 'local' on a "
            + "developer's machine.", cause);
  }
}
