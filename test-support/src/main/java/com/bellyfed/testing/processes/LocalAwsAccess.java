package com.bellyfed.testing.processes;

import java.net.URI;
import java.util.List;

/**
 * What a service needs to run against a local-aws: its edge, region and user pool. As
 * {@link #serviceArguments()}, the command-line settings {@code scripts/run-local.sh} gives by environment:
 * the profile {@code local} (so the required-settings check accepts local-aws's defaults, environment
 * {@code dev}), the pool's issuer and client id (tokens are checked as in production), every AWS client
 * of Spring Cloud AWS pointed at the edge.
 */
public record LocalAwsAccess(URI endpoint, String region, String issuer, String clientId) {

  public List<String> serviceArguments() {
    return List.of(
        "--spring.profiles.active=local",
        "--bellyfed.security.issuer-uri=" + issuer,
        "--bellyfed.security.client-ids=" + clientId,
        "--spring.cloud.aws.endpoint=" + endpoint,
        "--spring.cloud.aws.region.static=" + region,
        "--spring.cloud.aws.credentials.access-key=local",
        "--spring.cloud.aws.credentials.secret-key=local");
  }
}
