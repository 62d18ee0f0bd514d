package com.bellyfed.write.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bellyfed.kit.problem.FieldError;
import com.bellyfed.kit.problem.InvalidRequestException;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ETagsTests {

  @Test
  void readsTheVersionOfStrongAndWeakTags() {
    assertThat(ETags.expectedVersion("\"3\"")).hasValue(3);
    assertThat(ETags.expectedVersion("W/\"12\"")).hasValue(12);
    assertThat(ETags.expectedVersion(ETags.of(7))).hasValue(7);
  }

  @Test
  void noHeaderOrAStarExpectsNoParticularVersion() {
    assertThat(ETags.expectedVersion(null)).isEqualTo(OptionalLong.empty());
    assertThat(ETags.expectedVersion("*")).isEqualTo(OptionalLong.empty());
  }

  @Test
  void refusesTagsThisServiceNeverIssued() {
    for (String bad : new String[] {"\"abc\"", "\"0\"", "\"-1\"", "\"99999999999999999999\""}) {
      assertThatThrownBy(() -> ETags.expectedVersion(bad))
          .isInstanceOfSatisfying(InvalidRequestException.class, refused -> {
            assertThat(refused.getStatusCode().value()).isEqualTo(400);
            assertThat(refused.errors()).extracting(FieldError::field).containsExactly("If-Match");
          });
    }
  }
}
