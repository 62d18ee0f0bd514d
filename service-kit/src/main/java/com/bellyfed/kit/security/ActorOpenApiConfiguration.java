package com.bellyfed.kit.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI side: an {@link Actor} parameter comes from the token, not the request, so it is no query
 * parameter of the document; and the document declares the bearer scheme ({@value #SCHEME}) that operations
 * needing a token can name.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springdoc.core.utils.SpringDocUtils")
class ActorOpenApiConfiguration {

  static final String SCHEME = "bearer";

  static {
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
  }

  @Bean
  GlobalOpenApiCustomizer bellyfedBearerScheme() {
    return openApi -> {
      if (openApi.getComponents() == null) {
        openApi.setComponents(new Components());
      }
      openApi.getComponents().addSecuritySchemes(SCHEME, new SecurityScheme()
          .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
          .description("A Cognito access token of the user pool (token_use=access)"));
    };
  }
}
