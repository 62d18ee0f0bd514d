package com.bellyfed.kit.startup;

import java.util.Set;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;

/**
 * An auto-configuration filter that leaves out the named auto-configurations, registered in {@code spring.factories}.
 * A filter rather than {@code spring.autoconfigure.exclude}: that property is one list, which a service's own
 * exclusions would replace. Spring AOT applies it at build time like any other condition.
 */
public abstract class LeftOutAutoConfigurations implements AutoConfigurationImportFilter {

  private final Set<String> leftOut;

  protected LeftOutAutoConfigurations(Set<String> leftOut) {
    this.leftOut = Set.copyOf(leftOut);
  }

  @Override
  public final boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
    boolean[] matches = new boolean[autoConfigurationClasses.length];
    for (int i = 0; i < autoConfigurationClasses.length; i++) {
      matches[i] = autoConfigurationClasses[i] == null || !leftOut.contains(autoConfigurationClasses[i]);
    }
    return matches;
  }
}
