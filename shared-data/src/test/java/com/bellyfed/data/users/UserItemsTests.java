package com.bellyfed.data.users;

import static org.assertj.core.api.Assertions.assertThat;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromL;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromM;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The user item of docs/data-model.md, and the rules of a profile and of preferences. */
class UserItemsTests {

  static final Instant CREATED = Instant.parse("2026-03-04T05:06:07Z");
  static final Instant UPDATED = Instant.parse("2026-03-04T06:00:00.001Z");

  static UserItem full() {
    return new UserItem("sub-1", "a@example.com", "ana", "ACTIVE",
        new Profile("Ana", "Penang", "Eats noodles", "https://example.com/a.png"),
        new Preferences(List.of("malay", "thai"), List.of("halal"), new Preferences.PriceRange(1, 3)),
        CREATED, UPDATED, 3);
  }

  @Test
  void encodesEveryDocumentedAttributeWithItsType() {
    assertThat(UserItems.encode(full())).isEqualTo(Map.ofEntries(
        Map.entry("userId", fromS("sub-1")),
        Map.entry("email", fromS("a@example.com")),
        Map.entry("userName", fromS("ana")),
        Map.entry("status", fromS("ACTIVE")),
        Map.entry("displayName", fromS("Ana")),
        Map.entry("city", fromS("Penang")),
        Map.entry("bio", fromS("Eats noodles")),
        Map.entry("avatarUrl", fromS("https://example.com/a.png")),
        Map.entry("preferences", fromM(Map.of(
            "cuisines", fromL(List.of(fromS("malay"), fromS("thai"))),
            "dietaryRestrictions", fromL(List.of(fromS("halal"))),
            "priceRange", fromM(Map.of("min", fromN("1"), "max", fromN("3")))))),
        Map.entry("createdAt", fromS("2026-03-04T05:06:07.000Z")),
        Map.entry("updatedAt", fromS("2026-03-04T06:00:00.001Z")),
        Map.entry("version", fromN("3"))));
    assertThat(UserItems.decode(UserItems.encode(full()))).isEqualTo(full());
  }

  @Test
  void aUserWithoutProfileOrAccountHasOnlyItsKeyStatusTimesAndVersion() {
    UserItem bare = new UserItem("sub-2", null, null, "ACTIVE", null, null, CREATED, CREATED, 1);
    assertThat(UserItems.encode(bare)).containsOnlyKeys("userId", "status", "createdAt", "updatedAt", "version");
    assertThat(UserItems.decode(UserItems.encode(bare))).isEqualTo(bare);
  }

  @Test
  void rulesOfAProfileAndOfPreferences() {
    try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
      Map<String, String> found = new TreeMap<>();
      factory.getValidator().validate(new Profile(" ", "c".repeat(101), "b".repeat(2001), "ftp://x"))
          .forEach(v -> found.put(v.getPropertyPath().toString(), v.getMessage()));
      assertThat(found).containsOnlyKeys("displayName", "city", "bio", "avatarUrl");
      assertThat(found.get("avatarUrl")).isEqualTo("must be an http or https URL");

      found.clear();
      factory.getValidator().validate(new Preferences(null, List.of(""), new Preferences.PriceRange(4, 2)))
          .forEach(v -> found.put(v.getPropertyPath().toString(), v.getMessage()));
      assertThat(found).containsOnlyKeys("dietaryRestrictions[0].<list element>", "priceRange.ordered");
    }
  }
}
