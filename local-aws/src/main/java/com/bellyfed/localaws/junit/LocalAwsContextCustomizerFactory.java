package com.bellyfed.localaws.junit;

import com.bellyfed.localaws.LocalAws;
import com.bellyfed.localaws.cognito.ProvisionedPool;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives the Spring context of a test class that runs with {@link LocalAwsExtension} (directly, through
 * {@link LocalAwsTest}, or through an annotation of its own) the JVM's local-aws as
 * {@code AwsConnectionDetails}, which Spring Cloud AWS prefers to {@code spring.cloud.aws.*}: no system
 * properties, and no test that reaches AWS because it ran before local-aws started. It also gets the
 * environment's user pool as a resource server's settings, {@code bellyfed.security.issuer-uri} and
 * {@code bellyfed.security.client-ids}, ahead of the application's own configuration (a test's
 * inlined properties still win). Registered in {@code META-INF/spring.factories}.
 */
public final class LocalAwsContextCustomizerFactory implements ContextCustomizerFactory {

  @Override
  public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
    for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
      if (runsWithLocalAws(type)) {
        return new LocalAwsContextCustomizer();
      }
    }
    return null;
  }

  private static boolean runsWithLocalAws(Class<?> type) {
    return MergedAnnotations.from(type, SearchStrategy.TYPE_HIERARCHY)
        .stream(ExtendWith.class)
        .anyMatch(extendWith -> Arrays.asList(extendWith.getClassArray("value")).contains(LocalAwsExtension.class));
  }

  /** Equal to every other, so that the context cache shares contexts across test classes: there is one local-aws per JVM. */
  record LocalAwsContextCustomizer() implements ContextCustomizer {

    /** The property source's name, and the one of a test's inlined properties, which it goes right after. */
    static final String PROPERTY_SOURCE = "localAwsUserPool";
    private static final String INLINED = "Inlined Test Properties";

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
      LocalAws localAws = LocalAwsExtension.shared();
      ProvisionedPool pool = localAws.userPool();
      MapPropertySource userPool =
          new MapPropertySource(
              PROPERTY_SOURCE,
              Map.of(
                  "bellyfed.security.issuer-uri", pool.issuer().toString(),
                  "bellyfed.security.client-ids", pool.clientId()));
      MutablePropertySources sources = context.getEnvironment().getPropertySources();
      if (sources.contains(INLINED)) {
        sources.addAfter(INLINED, userPool);
      } else {
        sources.addFirst(userPool);
      }
      context.getBeanFactory()
          .registerSingleton("localAwsConnectionDetails", new LocalAwsConnectionDetails(localAws.endpoint(), localAws.region().id()));
    }
  }
}
