package com.bellyfed.benchmarks.localaws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PayloadsTests {

  private final Payloads payloads = new Payloads(200);

  @Test
  void bodiesHaveTheAskedSize() {
    assertThat(payloads.json(42, System.nanoTime())).hasSize(200).startsWith("{\"seq\":42,");
  }

  @Test
  void theSendTimeIsFoundInTheBodyAndInAnEventThatWrapsIt() {
    String detail = payloads.json(7, -123_456_789L);
    String event = "{\"version\":\"0\",\"source\":\"bench\",\"detail\":" + detail + "}";

    assertThat(Payloads.sentNanos(detail)).hasValue(-123_456_789L);
    assertThat(Payloads.sentNanos(event)).hasValue(-123_456_789L);
    assertThat(Payloads.sentNanos("{}")).isEmpty();
  }

  @Test
  void aBatchNumbersItsDetailsAfterTheCall() {
    assertThat(payloads.batch(3, 10)).hasSize(10).first().asString().startsWith("{\"seq\":30,");
  }
}
