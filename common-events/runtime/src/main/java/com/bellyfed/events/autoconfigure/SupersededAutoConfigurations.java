package com.bellyfed.events.autoconfigure;

import java.util.Set;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;

/**
 * Leaves out the auto-configurations this library replaces, in every service at once: Spring Cloud AWS's CloudWatch
 * export, whose namespace condition Spring AOT would fix at build time (see {@link CloudWatchExportAutoConfiguration}).
 */
public final class SupersededAutoConfigurations implements AutoConfigurationImportFilter {

  static final Set<String> SUPERSEDED = Set.of("io.awspring.cloud.autoconfigure.metrics.CloudWatchExportAutoConfiguration");

  @Override
  public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
    boolean[] matches = new boolean[autoConfigurationClasses.length];
    for (int i = 0; i < autoConfigurationClasses.length; i++) {
      matches[i] = autoConfigurationClasses[i] == null || !SUPERSEDED.contains(autoConfigurationClasses[i]);
    }
    return matches;
  }
}
