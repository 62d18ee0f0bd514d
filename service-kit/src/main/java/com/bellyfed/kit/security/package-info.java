/**
 * Every service as an OAuth2 resource server for Cognito's access tokens: the decoder and its checks,
 * the filter chain the services add their rules to, 401/403/429 as problems, the acting user
 * ({@link com.bellyfed.kit.security.Actor}) and the write rate limits. Switched on by a service adding
 * {@code spring-boot-starter-oauth2-resource-server}; see docs/security.md.
 */
@NullMarked
package com.bellyfed.kit.security;

import org.jspecify.annotations.NullMarked;
