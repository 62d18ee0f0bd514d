package com.bellyfed.localaws.junit;

import io.awspring.cloud.autoconfigure.core.AwsConnectionDetails;
import java.net.URI;

/**
 * Where local-aws answers, as Spring Cloud AWS takes it: every client it configures (and those built
 * with its {@code AwsClientBuilderConfigurer}) gets this endpoint, region and static credentials,
 * ahead of {@code spring.cloud.aws.*}.
 */
record LocalAwsConnectionDetails(URI endpoint, String region) implements AwsConnectionDetails {

  // local-aws accepts any credentials; the SDK only needs some to sign with.
  private static final String ANY_KEY = "local";

  @Override
  public URI getEndpoint() {
    return endpoint;
  }

  @Override
  public String getRegion() {
    return region;
  }

  @Override
  public String getAccessKey() {
    return ANY_KEY;
  }

  @Override
  public String getSecretKey() {
    return ANY_KEY;
  }
}
