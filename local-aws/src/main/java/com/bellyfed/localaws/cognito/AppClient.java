package com.bellyfed.localaws.cognito;

import tools.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An app client of a pool.
 *
 * @param description the {@code UserPoolClient} object CreateUserPoolClient answered with
 * @param preventUserExistenceErrors whether an unknown user signs in as "Incorrect username or password."
 *     rather than {@code UserNotFoundException}
 */
record AppClient(
    String clientId,
    String clientName,
    @Nullable String secret,
    Set<String> explicitAuthFlows,
    Duration accessTokenValidity,
    Duration idTokenValidity,
    Duration refreshTokenValidity,
    boolean preventUserExistenceErrors,
    ObjectNode description) {

  boolean allows(String flow) {
    return explicitAuthFlows.contains(flow);
  }
}
