package com.bellyfed.kit.openapi;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/** Gives every service with springdoc the shared contract; a service without springdoc is untouched. */
@AutoConfiguration
@ConditionalOnClass(GlobalOpenApiCustomizer.class)
public class OpenApiContractAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  ContractCustomizer openApiContractCustomizer() {
    return new ContractCustomizer();
  }
}
