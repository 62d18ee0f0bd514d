package com.bellyfed.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.localaws.LocalAws;
import com.bellyfed.localaws.edge.AwsService;
import com.bellyfed.localaws.faults.Fault;
import com.bellyfed.testing.ProblemWalk;
import java.net.http.HttpResponse;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Walks import-service's error cases over real HTTP and checks that every answer has the one
 * problem shape of service-kit: application/problem+json, a urn:bellyfed:problem type, the status,
 * errors[{field, reason}] for bad input, 503 with Retry-After for an outage (a 500 before).
 */
@ImportServiceTest
class ImportProblemsIntegrationTests {

  @LocalServerPort int port;
  @Autowired JsonMapper json;

  /** {@code Authorization} of an admin of local-aws's pool: every import operation is for admins. */
  private String admin = "";

  @BeforeEach
  void signIn(LocalAws localAws) {
    admin = "Bearer " + localAws.signIn("import-admin", "admin").accessToken();
  }

  @AfterEach
  void recover(LocalAws localAws) {
    localAws.faults().clear();
  }

  @Test
  void namesEveryInvalidParameterAndHeader() {
    walk().invalid(walk().send("POST", "/api/imports", "application/x-ndjson", "{}", "Authorization", admin), "type");
    walk().invalid(walk().send("POST", "/api/imports?type=dishes", "application/x-ndjson", "{}", "Idempotency-Key", "k".repeat(300), "Authorization", admin), "type", "Idempotency-Key");
    walk().invalid(walk().send("GET", "/api/imports?limit=0", null, null, "Authorization", admin), "limit");
    walk().invalid(walk().send("GET", "/api/imports?cursor=garbage", null, null, "Authorization", admin), "cursor");
    walk().invalid(walk().send("POST", "/api/imports?type=users", "text/csv", "userId,mail\nu1,x\n", "Authorization", admin), "header");
  }

  @Test
  void answersWrongMediaTypesMethodsUnknownJobsAndTheirConflicts() {
    HttpResponse<String> xml = walk().send("POST", "/api/imports?type=restaurants", "application/xml", "<restaurant/>", "Authorization", admin);
    walk().problem(xml, 415, "unsupported-media-type");
    assertThat(xml.headers().firstValue("Accept")).hasValueSatisfying(accept -> assertThat(accept).contains("application/x-ndjson", "text/csv"));
    walk().problem(walk().send("POST", "/api/imports?type=restaurants", null, "{}", "Authorization", admin), 415, "unsupported-media-type");
    walk().problem(walk().send("PUT", "/api/imports", "application/x-ndjson", "{}", "Authorization", admin), 405, "method-not-allowed");
    walk().problem(walk().send("GET", "/api/imports/no-such-job", null, null, "Authorization", admin), 404, "not-found");
    walk().problem(walk().send("DELETE", "/api/imports/no-such-job", null, null, "Authorization", admin), 404, "not-found");
  }

  @Test
  void refusesOversizedAndHostileRequests() {
    // Without a token: the request limits answer before anyone looks for one.
    walk().problem(walk().hugeHeader("/api/imports"), 431, "headers-too-large");
    // Far over this test's 64 MB limit, announced up front: refused before a byte is read, no job is made.
    walk().problem(walk().claimLength("POST", "/api/imports?type=restaurants", "application/x-ndjson", 10_000_000_000L), 413, "payload-too-large");
  }

  @Test
  void answersAnOutageWith503AndRetryAfter(LocalAws localAws) {
    localAws.faults().inject(Fault.down(AwsService.DYNAMODB));
    HttpResponse<String> response = walk().send("GET", "/api/imports?limit=5", null, null, "Authorization", admin);
    walk().problem(response, 503, "service-unavailable");
    assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isPositive());
  }

  private @Nullable ProblemWalk walk;

  /** One per test, as JUnit makes one instance per test: the port is known once Spring injected it. */
  private ProblemWalk walk() {
    if (walk == null) {
      walk = new ProblemWalk(port, json);
    }
    return walk;
  }
}
