package com.bellyfed.events.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventNamesTests {

  @ParameterizedTest
  @ValueSource(strings = {"user.profile.updated", "restaurant.review.created"})
  void acceptsDomainEntityActionInLowerCase(String eventType) {
    assertThat(EventNames.isValid(eventType)).isTrue();
    assertThat(EventNames.requireValid(eventType)).isEqualTo(eventType);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "User.Profile.Updated",
        "user.profile",
        "user..updated",
        "user.profile.updated.extra",
        ""
      })
  void rejectsNamesThatAreNotDomainEntityActionInLowerCase(String eventType) {
    assertThat(EventNames.isValid(eventType)).isFalse();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EventNames.requireValid(eventType))
        .withMessageContaining("'" + eventType + "'")
        .withMessageContaining("[domain].[entity].[action] in lower case");
  }

  @Test
  void rejectsInvalidNameWhenDerivingSourceOrDetailType() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EventNames.source("user.profile"))
        .withMessageContaining("'user.profile'");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EventNames.detailType("User.Profile.Updated"))
        .withMessageContaining("'User.Profile.Updated'");
  }

  @Test
  void derivesSourceFromDomain() {
    assertThat(EventNames.domain("user.profile.updated")).isEqualTo("user");
    assertThat(EventNames.source("user.profile.updated")).isEqualTo("bellyfed.user");
    assertThat(EventNames.source("restaurant.review.created")).isEqualTo("bellyfed.restaurant");
  }

  @ParameterizedTest
  @CsvSource({
    "user.profile.updated, ProfileUpdated",
    "restaurant.rating.updated, RatingUpdated",
    "system.import.started, ImportStarted",
    "user.profile-photo.changed, ProfilePhotoChanged"
  })
  void derivesDetailTypeFromEntityAndActionInPascalCase(String eventType, String detailType) {
    assertThat(EventNames.detailType(eventType)).isEqualTo(detailType);
  }
}
