package com.bellyfed.localaws.faults;

/** What an injected fault does to a request. */
public enum FaultType {
  /** Answers with the service's internal-error response (HTTP 500). */
  ERROR,
  /** Answers with the service's throttling error, which SDKs retry with throttling backoff. */
  THROTTLE,
  /** Holds the request for the fault's latency, then serves it; clients with shorter timeouts time out. */
  LATENCY,
  /** Drops the connection without an answer, as an unreachable service would. */
  DOWN
}
