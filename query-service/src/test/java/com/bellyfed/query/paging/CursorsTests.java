package com.bellyfed.query.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CursorsTests {

  private static final Set<String> KEY = Set.of("restaurantId", "cityKey", "avgRating");
  private final Cursors cursors = new Cursors(new CursorProperties("0123456789abcdef0123456789abcdef"));
  private final Map<String, AttributeValue> lastKey =
      Map.of("restaurantId", AttributeValue.fromS("r-1"), "cityKey", AttributeValue.fromS("kuala lumpur & co:x"), "avgRating", AttributeValue.fromN("4.5"));

  @Test
  void roundTripsAKeyExactly() {
    String cursor = cursors.encode(lastKey, "listing");

    assertThat(cursors.decode(cursor, "listing", KEY)).isEqualTo(lastKey);
    assertThat(cursor).doesNotContain("kuala");
  }

  @Test
  void refusesEveryModifiedCharacter() {
    String cursor = cursors.encode(lastKey, "listing");
    for (int i = 0; i < cursor.length(); i++) {
      char[] chars = cursor.toCharArray();
      chars[i] = chars[i] == 'x' ? 'y' : 'x';
      String modified = new String(chars);
      assertThatThrownBy(() -> cursors.decode(modified, "listing", KEY)).as("position " + i).isInstanceOf(InvalidCursorException.class);
    }
  }

  @Test
  void refusesACursorOfAnotherListingOrSignedWithAnotherSecret() {
    String cursor = cursors.encode(lastKey, "listing");
    Cursors other = new Cursors(new CursorProperties("another-secret-another-secret-xx"));

    assertThatThrownBy(() -> cursors.decode(cursor, "other listing", KEY)).isInstanceOf(InvalidCursorException.class);
    assertThatThrownBy(() -> other.decode(cursor, "listing", KEY)).isInstanceOf(InvalidCursorException.class);
  }

  @Test
  void refusesAShortSecret() {
    assertThatThrownBy(() -> new CursorProperties("short")).isInstanceOf(IllegalArgumentException.class);
  }
}
