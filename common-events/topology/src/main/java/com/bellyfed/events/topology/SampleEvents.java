package com.bellyfed.events.topology;

import com.bellyfed.events.topology.RuleDefinition.SampleEvent;

/** Sample events in the shape EventBridge delivers, for documenting and checking rule patterns. */
public final class SampleEvents {

  private SampleEvents() {}

  public static SampleEvent matching(String description, String source, String detailType, String detail) {
    return new SampleEvent(description, event(source, detailType, detail), true);
  }

  public static SampleEvent notMatching(
      String description, String source, String detailType, String detail) {
    return new SampleEvent(description, event(source, detailType, detail), false);
  }

  static String event(String source, String detailType, String detail) {
    return """
        {"version":"0","id":"6a7e8feb-b491-4cf7-a9f1-bf3703467718","detail-type":"%s",\
        "source":"%s","account":"000000000000","time":"2026-01-01T00:00:00Z",\
        "region":"us-east-1","resources":[],"detail":%s}"""
        .formatted(detailType, source, detail);
  }
}
