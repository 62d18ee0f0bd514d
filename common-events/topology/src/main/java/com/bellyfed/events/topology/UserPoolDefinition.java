package com.bellyfed.events.topology;

import com.bellyfed.events.naming.Environment;
import java.util.List;

/**
 * The Cognito user pool of one environment, with the app client the web frontend signs in through
 * (no secret: a browser cannot keep one) and the groups the services map to roles.
 *
 * @param poolName {@code bellyfed-{env}}
 * @param clientName {@code bellyfed-web-{env}}
 * @param explicitAuthFlows the client's sign-in flows: password and refresh token
 * @param groups {@code admin} and {@code user}
 */
public record UserPoolDefinition(String poolName, String clientName, List<String> explicitAuthFlows, List<String> groups) {

  public UserPoolDefinition {
    explicitAuthFlows = List.copyOf(explicitAuthFlows);
    groups = List.copyOf(groups);
  }

  static UserPoolDefinition bellyfed(Environment environment) {
    return new UserPoolDefinition(
        "bellyfed-" + environment.id(),
        "bellyfed-web-" + environment.id(),
        List.of("ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
        List.of("admin", "user"));
  }
}
