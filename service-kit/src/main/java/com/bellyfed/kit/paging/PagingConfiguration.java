package com.bellyfed.kit.paging;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The cursor signer; its properties fail the start when the secret is missing or short. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PagingProperties.class)
class PagingConfiguration {

  @Bean
  Cursors cursors(PagingProperties properties, ObjectProvider<Clock> clock) {
    return new Cursors(properties, clock.getIfAvailable(Clock::systemUTC));
  }
}
