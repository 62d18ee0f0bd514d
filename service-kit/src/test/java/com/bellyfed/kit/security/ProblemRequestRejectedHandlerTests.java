package com.bellyfed.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemRequestRejectedHandlerTests {

  @Test
  void namesTheFirewallsBlocklistEntryInItsOwnWords() {
    assertThat(ProblemRequestRejectedHandler.detail("The request was rejected because the URL contained a potentially malicious String \"%25\""))
        .isEqualTo("The request was refused by the server's firewall: its URL contains an encoded percent sign (%25), a doubly encoded character.");
    assertThat(ProblemRequestRejectedHandler.detail("The request was rejected because the URL contained a potentially malicious String \"\u0000\""))
        .endsWith("its URL contains a NUL character.");
  }

  @Test
  void neverEchoesWhatTheRequestChose() {
    for (String message : new String[] {
        "The request was rejected because the header name \"<img src=x onerror=alert(1)>\" is not allowed.",
        "The request was rejected because the header: \"X-A \" has a value \"<script>\" that is not allowed.",
        "The request was rejected because the parameter name \"<script>\" is not allowed.",
        "The request was rejected because the HTTP method \"<SCRIPT>\" was not included within the list of allowed HTTP methods",
        "The request was rejected because the URL contained a potentially malicious String \"<script>\"",
        "Something new \"<script>\""}) {
      assertThat(ProblemRequestRejectedHandler.detail(message)).startsWith("The request was refused by the server's firewall: ")
          .doesNotContain("<", ">", "script", "SCRIPT", "X-A");
    }
  }

  @Test
  void saysWhichPartWasRefused() {
    assertThat(ProblemRequestRejectedHandler.detail("The request was rejected because the URL was not normalized.")).contains("not normalized");
    assertThat(ProblemRequestRejectedHandler.detail("The request was rejected because the header name \"x\" is not allowed.")).contains("header");
    assertThat(ProblemRequestRejectedHandler.detail("The request was rejected because the HTTP method \"x\" was not included")).contains("HTTP method");
    assertThat(ProblemRequestRejectedHandler.detail(null)).contains("URL or headers");
  }
}
