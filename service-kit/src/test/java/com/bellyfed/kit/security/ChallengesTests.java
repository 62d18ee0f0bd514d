package com.bellyfed.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChallengesTests {

  @Test
  void aDescriptionCannotBreakOutOfItsQuotesOrTheHeader() {
    assertThat(Challenges.quotable("bad \"claim\" \\ here\r\nSet-Cookie: x=1 é"))
        .isEqualTo("bad 'claim' / here  Set-Cookie: x=1  ");
  }

  @Test
  void aLongDescriptionIsCut() {
    assertThat(Challenges.quotable("x".repeat(1000))).hasSize(200);
  }
}
