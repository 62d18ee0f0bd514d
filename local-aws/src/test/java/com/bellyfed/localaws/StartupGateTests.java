package com.bellyfed.localaws;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.localaws.edge.AwsRequest;
import com.bellyfed.localaws.edge.AwsResponse;
import com.bellyfed.localaws.edge.AwsService;
import com.bellyfed.localaws.edge.Protocol;
import com.bellyfed.localaws.edge.RequestFilter;
import com.bellyfed.localaws.edge.RequestFilter.Verdict;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Until the topology is provisioned, only local-aws's own provisioner is served; everyone else gets the 503
 * {@code ServiceUnavailable} each service lists among its common errors (e.g.
 * https://docs.aws.amazon.com/eventbridge/latest/APIReference/CommonErrors.html,
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/CommonErrors.html), which SDKs retry.
 */
class StartupGateTests {

  private static final String PROVISIONER = "LOCALAWSPROVISION1";

  private final AtomicBoolean ready = new AtomicBoolean();
  private final StartupGate gate = new StartupGate(ready::get, PROVISIONER);

  @Test
  void refusesAClientsPutEventsWhileProvisioningWithEventBridgesServiceUnavailable() {
    Verdict verdict = gate.check(request(AwsService.EVENTS, Protocol.JSON, "local"));

    AwsResponse response = ((Verdict.Respond) verdict).response();
    assertThat(response.status()).isEqualTo(503);
    assertThat(new String(response.body(), StandardCharsets.UTF_8))
        .contains("\"__type\":\"ServiceUnavailable\"").contains("still provisioning");
  }

  @Test
  void eachServiceAnswersItsOwnServiceUnavailable() {
    assertThat(body(AwsService.DYNAMODB, Protocol.JSON)).contains("com.amazonaws.dynamodb.v20120810#ServiceUnavailable");
    assertThat(body(AwsService.COGNITO_IDP, Protocol.JSON)).contains("\"__type\":\"ServiceUnavailable\"");
    AwsResponse sqs = ((Verdict.Respond) gate.check(request(AwsService.SQS, Protocol.JSON, "local"))).response();
    assertThat(sqs.status()).isEqualTo(503);
    assertThat(sqs.headers()).containsEntry("x-amzn-query-error", "ServiceUnavailable;Receiver");
    AwsResponse cloudWatch = ((Verdict.Respond) gate.check(request(AwsService.CLOUDWATCH, Protocol.RPC_V2_CBOR, "local"))).response();
    assertThat(cloudWatch.status()).isEqualTo(503);
    assertThat(cloudWatch.headers()).containsEntry("x-amzn-query-error", "ServiceUnavailable;Receiver");
  }

  @Test
  void servesTheProvisionerMeanwhileAndEveryoneOnceReady() {
    assertThat(gate.check(request(AwsService.EVENTS, Protocol.JSON, PROVISIONER))).isEqualTo(Verdict.PASS);
    assertThat(gate.check(unsigned(AwsService.DYNAMODB))).isInstanceOf(Verdict.Respond.class);

    ready.set(true);

    assertThat(gate.check(request(AwsService.EVENTS, Protocol.JSON, "local"))).isEqualTo(Verdict.PASS);
    assertThat(gate.check(unsigned(AwsService.DYNAMODB))).isEqualTo(Verdict.PASS);
  }

  @Test
  void onceReadyTheFaultsInForceStillHaveTheirSay() {
    ready.set(true);
    RequestFilter fault = request -> new Verdict.Respond(new AwsResponse(500, Map.of(), new byte[0]));

    assertThat(gate.then(fault).check(request(AwsService.EVENTS, Protocol.JSON, "local"))).isInstanceOf(Verdict.Respond.class);
    ready.set(false);
    assertThat(((Verdict.Respond) gate.then(fault).check(request(AwsService.EVENTS, Protocol.JSON, "local"))).response().status())
        .isEqualTo(503);
  }

  private String body(AwsService service, Protocol protocol) {
    AwsResponse response = ((Verdict.Respond) gate.check(request(service, protocol, "local"))).response();
    assertThat(response.status()).isEqualTo(503);
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  private static AwsRequest request(AwsService service, Protocol protocol, String accessKey) {
    String authorization = "AWS4-HMAC-SHA256 Credential=" + accessKey + "/20261204/us-east-1/" + service.name().toLowerCase()
        + "/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123";
    return new AwsRequest("POST", URI.create("http://localhost:4566/"), Map.of("Authorization", List.of(authorization)), new byte[0], service,
        protocol, "AnyOperation");
  }

  private static AwsRequest unsigned(AwsService service) {
    return new AwsRequest("POST", URI.create("http://localhost:4566/"), Map.of(), new byte[0], service, Protocol.JSON, "AnyOperation");
  }
}
