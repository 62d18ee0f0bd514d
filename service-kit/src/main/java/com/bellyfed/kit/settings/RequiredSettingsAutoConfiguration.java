package com.bellyfed.kit.settings;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The required-settings check, on together with the resource server: a service switches both on by adding
 * {@code spring-boot-starter-oauth2-resource-server}, and its tests then run with the profile {@code test}.
 * (On for every service at once, it would stop the services whose tests do not set a profile yet.)
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.springframework.security.oauth2.jwt.JwtDecoder")
public class RequiredSettingsAutoConfiguration {

  @Bean
  static RequiredSettingsCheck bellyfedRequiredSettingsCheck(Environment environment) {
    return new RequiredSettingsCheck(environment, true);
  }
}
