package com.bellyfed.localaws.edge;

import java.time.Duration;

/** Decides, before a request is served, whether to serve it, answer instead, drop it or hold it. */
public interface RequestFilter {

  RequestFilter PASS = request -> Verdict.PASS;

  Verdict check(AwsRequest request);

  /** This filter's verdict, or {@code next}'s where this one lets the request pass. */
  default RequestFilter then(RequestFilter next) {
    return request -> {
      Verdict verdict = check(request);
      return verdict instanceof Verdict.Pass ? next.check(request) : verdict;
    };
  }

  /** What the edge does with a request. */
  sealed interface Verdict {
    Verdict PASS = new Pass();

    record Pass() implements Verdict {}

    record Respond(AwsResponse response) implements Verdict {}

    record Drop() implements Verdict {}

    record Delay(Duration delay) implements Verdict {}
  }
}
