package com.bellyfed.localaws.edge;

/** The wire protocols the edge understands: AWS JSON 1.0/1.1 and the form-encoded query protocol. */
public enum Protocol {
  JSON,
  QUERY
}
