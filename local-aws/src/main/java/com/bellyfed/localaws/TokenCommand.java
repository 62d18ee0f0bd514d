package com.bellyfed.localaws;

import com.bellyfed.events.naming.Environment;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.events.topology.UserPoolDefinition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * {@code local-aws token --user NAME [--groups admin,user]}: a signed access token of the
 * environment's pool in a running local-aws, for curl and demos. The user is created (confirmed) and
 * added to the groups when missing; no password is involved.
 */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = "Print a signed access token of the environment's user pool in a running local-aws"
        + " (creating and confirming the user if missing), e.g. curl -H \"Authorization: Bearer $(local-aws token --user ana)\".")
final class TokenCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--user", required = true, description = "Username; created, confirmed, with email NAME@example.com, if missing.")
  String user;

  @Option(names = "--groups", split = ",", description = "Groups to add the user to, e.g. admin,user.")
  List<String> groups = List.of();

  @Option(names = "--env", defaultValue = "dev", description = "Environment whose pool bellyfed-ENV and client bellyfed-web-ENV to use (default ${DEFAULT-VALUE}).")
  String env;

  @Option(names = "--endpoint", defaultValue = "http://localhost:4566", description = "The running local-aws (default ${DEFAULT-VALUE}).")
  URI endpoint;

  @Option(names = "--region", defaultValue = "us-east-1")
  String region;

  @Option(names = "--id-token", description = "Print the ID token instead of the access token.")
  boolean idToken;

  @Override
  public Integer call() throws IOException, InterruptedException {
    UserPoolDefinition definition = Topology.bellyfed(Environment.of(env)).userPool();
    String poolId;
    String clientId;
    try (CognitoIdentityProviderClient cognito = new AwsClients(endpoint, Region.of(region)).cognito()) {
      poolId = cognito.listUserPoolsPaginator(request -> request.maxResults(60)).userPools().stream()
          .filter(pool -> pool.name().equals(definition.poolName())).map(pool -> pool.id()).findFirst().orElse(null);
      if (poolId == null) {
        spec.commandLine().getErr().println("local-aws at " + endpoint + " has no user pool " + definition.poolName()
            + ": start it with --env " + env + " (or run provision --env " + env + ").");
        return 1;
      }
      String pool = poolId;
      clientId = cognito.listUserPoolClientsPaginator(request -> request.userPoolId(pool).maxResults(60)).userPoolClients().stream()
          .filter(client -> client.clientName().equals(definition.clientName())).map(client -> client.clientId()).findFirst().orElse(null);
      if (clientId == null) {
        spec.commandLine().getErr().println("User pool " + poolId + " has no app client " + definition.clientName() + ".");
        return 1;
      }
    }
    ObjectNode body = Json.MAPPER.createObjectNode().put("username", user).put("userPoolId", poolId).put("clientId", clientId);
    ArrayNode groupList = body.putArray("groups");
    groups.forEach(groupList::add);
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(endpoint.resolve("/_local-aws/cognito/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode answer = Json.MAPPER.readTree(response.body());
    if (response.statusCode() != 200) {
      spec.commandLine().getErr().println("local-aws refused: " + answer.path("message").asString(response.body()));
      return 1;
    }
    spec.commandLine().getOut().println(answer.path(idToken ? "idToken" : "accessToken").asString(""));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
