package com.bellyfed.write.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bellyfed.data.users.Preferences;
import com.bellyfed.kit.problem.FieldError;
import com.bellyfed.kit.problem.InvalidRequestException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlCharactersTests {

  private final ControlCharacters advice = new ControlCharacters();

  record Body(String name, List<String> tags, Nested nested) {}

  record Nested(String text) {}

  @Test
  void namesEveryTextWithAControlCharacterOrALoneSurrogateByItsJsonPath() {
    Body body = new Body("a\u0000b", List.of("fine", "bell\u0007"), new Nested("x\uD800y"));

    assertThatThrownBy(() -> advice.afterBodyRead(body, null, null, Body.class, null))
        .isInstanceOfSatisfying(InvalidRequestException.class, invalid -> assertThat(invalid.errors()).extracting(FieldError::field)
            .containsExactly("name", "tags[1]", "nested.text"));
  }

  @Test
  void keepsTabsLineBreaksAndPairedSurrogates() {
    Body body = new Body("Laksa\tHouse", List.of("two\r\nlines", "\uD83C\uDF5C ramen"), new Nested("ok"));

    assertThat(advice.afterBodyRead(body, null, null, Body.class, null)).isSameAs(body);
  }

  @Test
  void walksTheSharedBodyRecords() {
    Preferences preferences = new Preferences(List.of("Thai", "Nyo\u001Bnya"), List.of(), null);

    assertThatThrownBy(() -> advice.afterBodyRead(preferences, null, null, Preferences.class, null))
        .isInstanceOfSatisfying(InvalidRequestException.class, invalid -> assertThat(invalid.errors()).extracting(FieldError::field)
            .containsExactly("cuisines[1]"));
  }
}
