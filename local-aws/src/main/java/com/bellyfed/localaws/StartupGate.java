package com.bellyfed.localaws;

import com.bellyfed.localaws.edge.AwsRequest;
import com.bellyfed.localaws.edge.RequestFilter;
import com.bellyfed.localaws.faults.FaultResponses;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers every client but local-aws's own provisioner with 503 {@code ServiceUnavailable} until the topology is
 * provisioned. local-aws provisions through its own edge, so the port is open before the rules exist; a client
 * served then could put an event on a bus whose rules were not back yet, which EventBridge accepts and delivers
 * nowhere (the system tests' restart drill lost events so). Real AWS is never half provisioned; a 503, which
 * every SDK retries, is what a client of a briefly unavailable AWS endpoint meets. The provisioner is known by the
 * access key its requests are signed with, one of its own per start.
 */
final class StartupGate implements RequestFilter {

  private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/,\\s]+)/");

  private final BooleanSupplier ready;
  private final String provisionerAccessKey;

  StartupGate(BooleanSupplier ready, String provisionerAccessKey) {
    this.ready = ready;
    this.provisionerAccessKey = provisionerAccessKey;
  }

  @Override
  public Verdict check(AwsRequest request) {
    if (ready.getAsBoolean() || provisionerAccessKey.equals(accessKey(request))) {
      return Verdict.PASS;
    }
    return new Verdict.Respond(FaultResponses.serviceUnavailable(request, "local-aws is still provisioning its topology; retry shortly"));
  }

  private static String accessKey(AwsRequest request) {
    String authorization = request.header("Authorization");
    if (authorization == null) {
      return "";
    }
    Matcher matcher = CREDENTIAL.matcher(authorization);
    return matcher.find() ? matcher.group(1) : "";
  }
}
