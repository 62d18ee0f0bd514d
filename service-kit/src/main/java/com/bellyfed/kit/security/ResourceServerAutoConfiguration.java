package com.bellyfed.kit.security;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The resource server of every service, on where the service has
 * {@code spring-boot-starter-oauth2-resource-server}: Cognito access tokens checked against the issuer's
 * JWKS, the kit's public paths plus the service's {@link SecurityRules}, everything else refused; 401,
 * 403, 429 and the firewall's refusals as problems; CORS from {@code bellyfed.security.cors}; security headers;
 * write rate limits; the caller's {@code sub} in the logging MDC as {@code actor} ({@link ActorMdcFilter}).
 * Before Boot's own security auto-configurations, whose decoder, filter chain and generated user step back.
 */
@AutoConfiguration(
    beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration"},
    afterName = {
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        "io.github.resilience4j.springboot.ratelimiter.autoconfigure.RateLimiterAutoConfiguration"})
@ConditionalOnClass({JwtDecoder.class, SecurityFilterChain.class, BearerTokenAuthenticationFilter.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
@EnableWebSecurity
@Import(ActorOpenApiConfiguration.class)
public class ResourceServerAutoConfiguration {

  /** Public on every service: load balancers and the chart probe health, clients read the contract. */
  static final String[] PUBLIC_PATHS = {
      "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
      "/swagger-ui.html", "/swagger-ui/**", "/error"};
  /** An API answers JSON and is never framed; Swagger UI, a page with scripts, is left without it. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

  @Bean
  @ConditionalOnMissingBean
  JwtDecoder jwtDecoder(SecurityProperties properties) {
    return CognitoTokens.decoder(properties);
  }

  /**
   * Without this bean Spring Security observes every filter of the chain, before and after (about 30 observations,
   * each a timer and a long-task timer, per request). Those name filters, not requests, and on a public GET they cost
   * more CPU than the handler and its DynamoDB call (benchmarks/README.md, GET by id). Boot's
   * {@code http.server.requests} still observes every request, and authentications and authorizations keep their
   * observations: Spring Security's own recommended settings.
   */
  @Bean
  @ConditionalOnMissingBean
  SecurityObservationSettings bellyfedSecurityObservationSettings() {
    return SecurityObservationSettings.withDefaults().build();
  }

  @Bean
  @ConditionalOnMissingBean(name = "bellyfedSecurityFilterChain")
  SecurityFilterChain bellyfedSecurityFilterChain(HttpSecurity http, SecurityProperties properties, JwtDecoder decoder,
      ObjectProvider<SecurityRules> rules, ManagementPort managementPort, ObjectProvider<RateLimiterRegistry> rateLimiters, JsonMapper json,
      CorsConfigurationSource bellyfedCorsConfigurationSource) throws Exception {
    ProblemResponses problems = new ProblemResponses(json);
    ProblemAuthenticationEntryPoint unauthorized = new ProblemAuthenticationEntryPoint(problems);
    ProblemAccessDeniedHandler forbidden = new ProblemAccessDeniedHandler(problems);
    http
        .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // Bearer tokens, no cookies: nothing a browser sends by itself authenticates, so CSRF cannot.
        .csrf(csrf -> csrf.disable())
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable())
        .logout(logout -> logout.disable())
        .requestCache(cache -> cache.disable())
        .anonymous(anonymous -> {})
        .cors(cors -> cors.configurationSource(bellyfedCorsConfigurationSource))
        .headers(headers -> headers
            .contentTypeOptions(options -> {})
            .frameOptions(frames -> frames.deny())
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
            .addHeaderWriter(new ApiContentSecurityPolicy(CONTENT_SECURITY_POLICY)))
        .oauth2ResourceServer(server -> server
            .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(CognitoTokens.authentication()))
            .authenticationEntryPoint(unauthorized)
            .accessDeniedHandler(forbidden))
        .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
        .authorizeHttpRequests(requests -> {
          // An error dispatch renders an answer already decided; a forward stays in the same request.
          requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll();
          requests.requestMatchers(HttpMethod.OPTIONS, "/**").permitAll();
          requests.requestMatchers(PUBLIC_PATHS).permitAll();
          requests.requestMatchers(managementPort).permitAll();
          rules.orderedStream().forEach(service -> service.authorize(requests));
          // Deny by default: a path no rule names is a mistake, refused rather than open.
          requests.anyRequest().denyAll();
        });
    // Before the rate limits (same place, added first), so that their refusals are logged with the user too.
    http.addFilterAfter(new ActorMdcFilter(), BearerTokenAuthenticationFilter.class);
    SecurityProperties.RateLimits limits = properties.rateLimits();
    if (limits.enabled() && !limits.rules().isEmpty()) {
      RateLimiterRegistry declared = rateLimiters.getIfAvailable();
      RateLimiterKeys keys = new RateLimiterKeys(declaredConfigs(declared, limits.rules()), limits.maxKeys(), limits.idleAfter(),
          Clock.systemUTC());
      http.addFilterAfter(new WriteRateLimitFilter(limits.rules(), keys, problems), BearerTokenAuthenticationFilter.class);
    }
    return http.build();
  }

  /** The configs the rules name, each declared under {@code resilience4j.ratelimiter.configs}; a missing one fails the start. */
  static Map<String, RateLimiterConfig> declaredConfigs(@Nullable RateLimiterRegistry declared,
      List<SecurityProperties.Rule> rules) {
    Map<String, RateLimiterConfig> configs = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (SecurityProperties.Rule rule : rules) {
      for (String name : new String[] {rule.perUser(), rule.perAddress()}) {
        if (name == null || configs.containsKey(name)) {
          continue;
        }
        Optional<RateLimiterConfig> config = declared == null ? Optional.empty() : declared.getConfiguration(name);
        config.ifPresentOrElse(found -> configs.put(name, found), () -> missing.add(name));
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("bellyfed.security.rate-limits names rate limiter configs that are not declared: "
          + missing + ". Declare each under resilience4j.ratelimiter.configs.<name> (limit-for-period, limit-refresh-period, "
          + "timeout-duration: 0), with resilience4j-spring-boot4 on the classpath");
    }
    return configs;
  }

  /** Picked up by Spring Security's {@code WebSecurity} for its firewall's refusals, which happen before any filter chain. */
  @Bean
  @ConditionalOnMissingBean
  RequestRejectedHandler bellyfedRequestRejectedHandler(JsonMapper json) {
    return new ProblemRequestRejectedHandler(new ProblemResponses(json));
  }

  @Bean
  static ManagementPort bellyfedManagementPort() {
    return new ManagementPort();
  }

  @Bean
  @ConditionalOnMissingBean(name = "bellyfedCorsConfigurationSource")
  CorsConfigurationSource bellyfedCorsConfigurationSource(SecurityProperties properties) {
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    SecurityProperties.Cors cors = properties.cors();
    if (!cors.allowedOrigins().isEmpty()) {
      CorsConfiguration configuration = new CorsConfiguration();
      configuration.setAllowedOrigins(cors.allowedOrigins());
      configuration.setAllowCredentials(true);
      configuration.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
      configuration.setAllowedHeaders(List.of(
          HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT, HttpHeaders.IF_MATCH,
          HttpHeaders.IF_NONE_MATCH, "Idempotency-Key"));
      configuration.setExposedHeaders(List.of(
          HttpHeaders.ETAG, HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER, HttpHeaders.WWW_AUTHENTICATE));
      configuration.setMaxAge(cors.maxAge());
      source.registerCorsConfiguration("/**", configuration);
    }
    return source;
  }

  @Bean
  WebMvcConfigurer bellyfedActorResolver() {
    return new WebMvcConfigurer() {
      @Override
      public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ActorArgumentResolver());
      }
    };
  }

  @Bean
  SecurityProblemAdvice securityProblemAdvice() {
    return new SecurityProblemAdvice();
  }
}
