package com.bellyfed.localaws.cognito;

import java.net.URI;

/**
 * The environment's user pool as local-aws provisioned it: what a resource server is configured
 * with ({@code bellyfed.security.issuer-uri}, {@code bellyfed.security.client-ids}).
 */
public record ProvisionedPool(String userPoolId, String clientId, URI issuer) {

  public URI jwksUri() {
    return URI.create(issuer + "/.well-known/jwks.json");
  }
}
