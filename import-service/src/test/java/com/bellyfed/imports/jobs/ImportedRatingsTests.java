package com.bellyfed.imports.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.data.reviews.ReviewContent;
import com.bellyfed.data.reviews.ReviewItem;
import com.bellyfed.data.reviews.ReviewItems;
import com.bellyfed.events.envelope.EnvelopeJson;
import com.bellyfed.imports.jobs.ImportedRatings.RestaurantReviews;
import com.bellyfed.imports.jobs.ImportedRatings.ReviewsImported;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ImportedRatingsTests {

  @Test
  void sumsTheReviewsWrittenPerRestaurant() {
    List<ReviewsImported> events = ImportedRatings.of("job", "job:0", List.of(review("r-1", 5), review("r-2", 3), review("r-1", 2)));

    assertThat(events).singleElement().satisfies(event -> {
      assertThat(event.chunkId()).isEqualTo("job:0");
      assertThat(event.restaurants()).containsExactly(new RestaurantReviews("r-1", 2, 7), new RestaurantReviews("r-2", 1, 3));
    });
  }

  @Test
  void splitsRestaurantsOfTheLongestIdsIntoEventsUnderTheEventBridgeLimit() throws Exception {
    List<Map<String, AttributeValue>> reviews = new ArrayList<>();
    for (int i = 0; i < 2_500; i++) {
      reviews.add(review(String.format("%0100d", i), 1 + i % 5));
    }

    List<ReviewsImported> events = ImportedRatings.of("job", "job:0", reviews);

    assertThat(events).hasSize(3);
    assertThat(events).extracting(ReviewsImported::part).containsExactly(1, 2, 3);
    assertThat(events.stream().mapToLong(event -> event.restaurants().size()).sum()).isEqualTo(2_500);
    for (ReviewsImported event : events) {
      // The envelope adds well under 1 KB to its data.
      assertThat(new EnvelopeJson().mapper().writeValueAsBytes(event).length).isLessThan(255 * 1024);
    }
  }

  @Test
  void aChunkThatWroteNoReviewsHasNoEvent() {
    assertThat(ImportedRatings.of("job", "job:0", List.of())).isEmpty();
  }

  private static Map<String, AttributeValue> review(String restaurantId, int rating) {
    // As the chunk wrote it: the shared codec's item.
    return ReviewItems.encode(ReviewItem.created(
        restaurantId, java.util.UUID.randomUUID().toString(), new ReviewContent("u-1", rating, null, null), java.time.Instant.EPOCH));
  }
}
