package com.bellyfed.events.autoconfigure;

import com.bellyfed.kit.startup.LeftOutAutoConfigurations;
import java.util.Set;

/**
 * Leaves out the auto-configurations this library replaces, in every service at once: Spring Cloud AWS's CloudWatch
 * export, whose namespace condition Spring AOT would fix at build time (see {@link CloudWatchExportAutoConfiguration}).
 */
public final class SupersededAutoConfigurations extends LeftOutAutoConfigurations {

  static final Set<String> SUPERSEDED = Set.of("io.awspring.cloud.autoconfigure.metrics.CloudWatchExportAutoConfiguration");

  public SupersededAutoConfigurations() {
    super(SUPERSEDED);
  }
}
