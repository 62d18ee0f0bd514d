package com.bellyfed.write.users.web;

import com.bellyfed.events.topology.Topology;
import com.bellyfed.write.users.CognitoSignup;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Local development only ({@code bellyfed.write.dev-cognito-trigger=true}): puts on the auth bus
 * exactly what a user pool's post-confirmation trigger Lambda puts there, so the sign-up flow runs
 * end to end without Cognito.
 */
@RestController
@ConditionalOnProperty(prefix = "bellyfed.write", name = "dev-cognito-trigger", havingValue = "true")
@Tag(name = "dev", description = "Local development helpers; off unless bellyfed.write.dev-cognito-trigger=true")
class DevCognitoController {

  private final EventBridgeClient eventBridge;
  private final String authBus;
  private final JsonMapper json;

  DevCognitoController(EventBridgeClient eventBridge, Topology topology, JsonMapper json) {
    this.eventBridge = eventBridge;
    this.json = json;
    this.authBus = topology.bus("auth").name();
  }

  record TestSignup(
      @NotBlank @Email @Size(max = 254) String email,
      @NotBlank @Size(max = 128) String userName,
      @Pattern(regexp = "[A-Za-z0-9-_]{1,128}") @Nullable String sub) {}

  @Operation(summary = "Send a Cognito-shaped PostConfirmation event to the auth bus, as a real user pool's trigger would")
  @ApiResponse(responseCode = "202", description = "The event is on the auth bus; the user appears once write-service consumed it")
  @PostMapping(path = "/dev/cognito/post-confirmation", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, String>> postConfirmation(@Valid @RequestBody TestSignup signup) {
    String sub = signup.sub() != null ? signup.sub() : UUID.randomUUID().toString();
    ObjectNode detail = json.createObjectNode();
    detail.put("version", "1");
    detail.put("region", "us-east-1");
    detail.put("userPoolId", "us-east-1_localdev");
    detail.put("userName", signup.userName());
    detail.put("triggerSource", CognitoSignup.SIGN_UP);
    detail.putObject("callerContext").put("awsSdkVersion", "aws-sdk-java-2").put("clientId", "local-dev-client");
    ObjectNode attributes = detail.putObject("request").putObject("userAttributes");
    attributes.put("sub", sub);
    attributes.put("email", signup.email());
    attributes.put("email_verified", "true");
    attributes.put("cognito:user_status", "CONFIRMED");
    detail.putObject("response");
    PutEventsResultEntry entry = eventBridge.putEvents(request -> request.entries(e -> e
        .eventBusName(authBus).source("bellyfed.auth").detailType("PostConfirmation").detail(detail.toString()))).entries().get(0);
    if (entry.errorCode() != null) {
      throw new IllegalStateException("PutEvents refused the test event: " + entry.errorCode() + " " + entry.errorMessage());
    }
    return ResponseEntity.accepted().body(Map.of("eventId", entry.eventId(), "sub", sub, "bus", authBus));
  }
}
