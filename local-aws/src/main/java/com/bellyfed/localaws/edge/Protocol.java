package com.bellyfed.localaws.edge;

/**
 * The wire protocols the edge understands: AWS JSON 1.0/1.1, the form-encoded query protocol, and Smithy
 * RPC v2 CBOR (CloudWatch's, in the SDK since 2025).
 */
public enum Protocol {
  JSON,
  QUERY,
  RPC_V2_CBOR
}
