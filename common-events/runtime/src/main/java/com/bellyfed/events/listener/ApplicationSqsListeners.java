package com.bellyfed.events.listener;

import io.awspring.cloud.sqs.annotation.SqsListenerAnnotationBeanPostProcessor;
import java.util.List;

/**
 * Spring Cloud AWS's {@code @SqsListener} post-processor, looking only at beans whose class is not a library's.
 *
 * <p>The original inspects every method of every bean (its class hierarchy and interfaces, for the annotation and
 * its meta-annotations): about 500 beans in a service, all but a handful Spring's, Micrometer's, the AWS SDK's.
 * That was 7 % of a service's start on its main thread (analytics-service, C1, async-profiler). The classes of the
 * packages below cannot carry a listener of ours; a listener in any other package, the application's or a
 * library's of its own, is found as before, on a method or on the class. Spring Cloud AWS registers its own
 * post-processor only when no bean has this one's name ({@code SqsBootstrapConfiguration}), so this one replaces
 * it, and a service that wants the original back defines a bean of that name itself.
 */
public final class ApplicationSqsListeners extends SqsListenerAnnotationBeanPostProcessor {

  private static final List<String> LIBRARY_PACKAGES = List.of(
      "java.", "javax.", "jdk.", "jakarta.", "org.springframework.", "io.awspring.cloud.", "software.amazon.awssdk.",
      "io.micrometer.", "io.prometheus.", "io.github.resilience4j.", "tools.jackson.", "com.fasterxml.jackson.",
      "org.apache.", "org.springdoc.", "io.swagger.", "brave.", "zipkin2.", "io.netty.", "ch.qos.logback.",
      "org.slf4j.", "org.hibernate.validator.", "reactor.", "org.aspectj.");

  @Override
  protected void detectAnnotationsAndRegisterEndpoints(Object bean, Class<?> targetClass) {
    if (!fromLibrary(targetClass)) {
      super.detectAnnotationsAndRegisterEndpoints(bean, targetClass);
    }
  }

  static boolean fromLibrary(Class<?> type) {
    String name = type.getName();
    for (String prefix : LIBRARY_PACKAGES) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
