package com.bellyfed.kit.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CursorsTests {

  private static final String SECRET = "test-secret-test-secret-test-secret";
  private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
  private static final Map<String, AttributeValue> KEY = Map.of(
      "pk", AttributeValue.fromS("RESTAURANT#a&b:c=d;e|f"), "rating", AttributeValue.fromN("4.50"), "id", AttributeValue.fromS("x y"));

  private final Cursors cursors = cursors(SECRET, NOW);

  @Test
  void givesBackTheKeyItSigned() {
    String cursor = cursors.next("restaurants:rating", KEY);
    assertThat(cursor).doesNotContain("RESTAURANT").matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    assertThat(cursors.decode(cursor, "restaurants:rating", KEY.keySet())).isEqualTo(KEY);
  }

  @Test
  void hasNoCursorAfterTheLastPage() {
    assertThat(cursors.next("any", null)).isNull();
    assertThat(cursors.next("any", Map.of())).isNull();
  }

  @Test
  void refusesATamperedCursor() {
    String cursor = cursors.next("restaurants:rating", KEY);
    int dot = cursor.indexOf('.');
    String swapped = cursors.next("restaurants:rating", Map.of("pk", AttributeValue.fromS("other"),
        "rating", AttributeValue.fromN("1"), "id", AttributeValue.fromS("x")));
    String forged = swapped.substring(0, swapped.indexOf('.')) + cursor.substring(dot);
    char last = cursor.charAt(dot - 1);
    String flipped = cursor.substring(0, dot - 1) + (last == 'A' ? 'B' : 'A') + cursor.substring(dot);

    for (String bad : new String[] {forged, flipped, cursor + "x", cursor.substring(0, dot), "x.y", "not a cursor", "a.b.c"}) {
      assertThatThrownBy(() -> cursors.decode(bad, "restaurants:rating", KEY.keySet()))
          .as(bad)
          .isInstanceOfSatisfying(InvalidCursorException.class, refused -> {
            assertThat(refused.errors()).singleElement().satisfies(error -> assertThat(error.field()).isEqualTo("cursor"));
            assertThat(refused.getStatusCode().value()).isEqualTo(400);
          });
    }
  }

  @Test
  void refusesACursorWithAnyOneCharacterChanged() {
    String cursor = cursors.next("listing", KEY);
    for (int i = 0; i < cursor.length(); i++) {
      char[] chars = cursor.toCharArray();
      chars[i] = chars[i] == 'A' ? 'B' : 'A';
      String modified = new String(chars);
      assertThatThrownBy(() -> cursors.decode(modified, "listing", KEY.keySet())).as("position " + i).isInstanceOf(InvalidCursorException.class);
    }
  }

  @Test
  void refusesACursorOfAnotherListingOrSecretOrKeyDesign() {
    String cursor = cursors.next("restaurants:rating", KEY);
    assertThatThrownBy(() -> cursors.decode(cursor, "restaurants:name", KEY.keySet())).isInstanceOf(InvalidCursorException.class);
    assertThatThrownBy(() -> cursors("another-secret-another-secret-xxxxx", NOW).decode(cursor, "restaurants:rating", KEY.keySet()))
        .isInstanceOf(InvalidCursorException.class);
    assertThatThrownBy(() -> cursors.decode(cursor, "restaurants:rating", Set.of("pk", "id"))).isInstanceOf(InvalidCursorException.class);
  }

  @Test
  void refusesAnExpiredCursor() {
    String cursor = cursors.next("errors", KEY);
    assertThat(cursors(SECRET, NOW.plus(Duration.ofHours(1))).decode(cursor, "errors", KEY.keySet())).isEqualTo(KEY);
    assertThatThrownBy(() -> cursors(SECRET, NOW.plus(Duration.ofHours(1)).plusSeconds(1)).decode(cursor, "errors", KEY.keySet()))
        .isInstanceOfSatisfying(InvalidCursorException.class, expired -> assertThat(expired.reason()).contains("expired"));
  }

  @Test
  void refusesAnOverlongCursorBeforeCheckingIt() {
    assertThatThrownBy(() -> cursors.decode("a".repeat(Cursors.MAX_LENGTH + 1), "x", KEY.keySet()))
        .isInstanceOfSatisfying(InvalidCursorException.class, refused -> assertThat(refused.reason()).contains("longer"));
  }

  @Test
  void signsWhereEveryPartitionOfAMergedListingStands() {
    Map<String, Map<String, AttributeValue>> positions = Map.of("ERROR", KEY, "WARN", Map.of());
    String cursor = cursors.nextMerged("errors:all", positions);
    assertThat(cursors.decodeMerged(cursor, "errors:all", Set.of("ERROR", "WARN", "INFO"))).isEqualTo(positions);
    assertThatThrownBy(() -> cursors.decodeMerged(cursor, "errors:all", Set.of("ERROR"))).isInstanceOf(InvalidCursorException.class);
    assertThatThrownBy(() -> cursors.decodeMerged(cursor, "errors:api", Set.of("ERROR", "WARN"))).isInstanceOf(InvalidCursorException.class);
  }

  @Test
  void refusesToStartWithoutASecret() {
    assertThatThrownBy(() -> new PagingProperties(null, Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bellyfed.paging.cursor-secret is required");
    assertThatThrownBy(() -> new PagingProperties(" ", Duration.ofHours(1))).hasMessageContaining("is required");
    assertThatThrownBy(() -> new PagingProperties("short", Duration.ofHours(1))).hasMessageContaining("at least 32 characters");
  }

  private static Cursors cursors(String secret, Instant now) {
    return new Cursors(new PagingProperties(secret, Duration.ofHours(1)), Clock.fixed(now, ZoneOffset.UTC));
  }
}
