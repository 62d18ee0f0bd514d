package com.bellyfed.query.paging;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The cursor signer, keyed from {@code bellyfed.query.cursor}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CursorProperties.class)
class PagingConfiguration {

  @Bean
  Cursors cursors(CursorProperties properties) {
    return new Cursors(properties);
  }
}
