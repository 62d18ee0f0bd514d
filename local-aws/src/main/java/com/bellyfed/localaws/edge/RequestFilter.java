package com.bellyfed.localaws.edge;

import java.time.Duration;

/** Decides, before a request is served, whether to serve it, answer instead, drop it or hold it. */
public interface RequestFilter {

  RequestFilter PASS = request -> Verdict.PASS;

  Verdict check(AwsRequest request);

  /** What the edge does with a request. */
  sealed interface Verdict {
    Verdict PASS = new Pass();

    record Pass() implements Verdict {}

    record Respond(AwsResponse response) implements Verdict {}

    record Drop() implements Verdict {}

    record Delay(Duration delay) implements Verdict {}
  }
}
