package com.bellyfed.imports.jobs.web;

import com.bellyfed.kit.security.Actor;
import com.bellyfed.kit.security.SecurityRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call {@code /api/imports}: members of the Cognito group {@code admin} only, for every method
 * (an import writes restaurants, reviews and users in bulk, and a job's rejections quote the file). A
 * plain user gets 403, a request without a valid token 401; the kit refuses every path no rule names.
 */
@Configuration(proxyBeanMethods = false)
class ImportSecurity {

  @Bean
  SecurityRules importRules() {
    return requests -> requests.requestMatchers("/api/imports", "/api/imports/**").hasRole(Actor.ADMIN);
  }
}
