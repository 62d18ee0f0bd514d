package com.bellyfed.kit.settings;

import com.bellyfed.kit.paging.Cursors;
import java.util.List;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;

/**
 * Runs before any bean is made, so that the refusal names every missing setting at once instead of the
 * first bean that happens to fail on one.
 */
class RequiredSettingsCheck implements BeanFactoryPostProcessor {

  private final Environment environment;
  private final boolean secured;

  RequiredSettingsCheck(Environment environment, boolean secured) {
    this.environment = environment;
    this.secured = secured;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beans) {
    if (RequiredSettings.local(environment)) {
      return;
    }
    boolean pages = beans.getBeanNamesForType(Cursors.class, true, false).length > 0;
    ClassLoader classes = beans.getBeanClassLoader() == null ? getClass().getClassLoader() : beans.getBeanClassLoader();
    List<String> missing = RequiredSettings.missing(environment, RequiredSettings.events(classes), pages, secured);
    if (!missing.isEmpty()) {
      throw new MissingSettingsException(RequiredSettings.message(environment, missing));
    }
  }
}
