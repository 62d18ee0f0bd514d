package com.bellyfed.systemtests;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@link Suite} per test JVM: started by the first test class that asks for it, kept in the root
 * context's store, shared by every later class, and closed (every process stopped) when the root
 * context closes at the end of the run. A start that failed is not tried again by every later class: they
 * fail with the same cause at once.
 */
final class SuiteExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SuiteExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Suite.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Launch.class, type -> Launch.start(), Launch.class).suite();
  }

  /** The suite, or why it did not start. */
  private static final class Launch implements AutoCloseable {

    private final @Nullable Suite suite;
    private final @Nullable RuntimeException failure;

    private Launch(@Nullable Suite suite, @Nullable RuntimeException failure) {
      this.suite = suite;
      this.failure = failure;
    }

    static Launch start() {
      try {
        return new Launch(Suite.start(), null);
      } catch (RuntimeException failed) {
        return new Launch(null, failed);
      }
    }

    Suite suite() {
      if (suite == null) {
        throw new IllegalStateException("the suite did not start", failure);
      }
      return suite;
    }

    @Override
    public void close() {
      if (suite != null) {
        suite.close();
      }
    }
  }
}
