package com.bellyfed.data.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The review item of docs/data-model.md, and the one set of rules of what a reviewer writes. */
class ReviewItemsTests {

  static final Instant CREATED = Instant.parse("2026-03-04T05:06:07.5Z");

  @Test
  void encodesEveryDocumentedAttributeWithItsType() {
    ReviewItem review = new ReviewItem("r-1", "v-1", "u-1", 4, "laksa", "Rich broth", CREATED, 1, "job-1:7");
    assertThat(ReviewItems.encode(review)).isEqualTo(Map.of(
        "restaurantId", fromS("r-1"),
        "reviewId", fromS("v-1"),
        "userId", fromS("u-1"),
        "rating", fromN("4"),
        "dish", fromS("laksa"),
        "text", fromS("Rich broth"),
        "createdAt", fromS("2026-03-04T05:06:07.500Z"),
        "version", fromN("1"),
        "importChunk", fromS("job-1:7")));
    assertThat(ReviewItems.decode(ReviewItems.encode(review))).isEqualTo(review);
  }

  @Test
  void aReviewFromTheApiHasNoImportChunkAndNoBlankTexts() {
    ReviewItem review = ReviewItem.created("r-1", "v-2", new ReviewContent(" u-2 ", 5, "  ", null), CREATED);
    assertThat(ReviewItems.encode(review)).containsOnlyKeys("restaurantId", "reviewId", "userId", "rating", "createdAt", "version")
        .containsEntry("userId", fromS("u-2"));
    assertThat(ReviewItems.decode(ReviewItems.encode(review))).isEqualTo(review);
  }

  @Test
  void rulesOfAReview() {
    try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
      Map<String, String> found = new TreeMap<>();
      factory.getValidator().validate(new ReviewContent("not a user/id", 6, "d".repeat(201), "t".repeat(5001)))
          .forEach(v -> found.put(v.getPropertyPath().toString(), v.getMessage()));
      assertThat(found).containsOnlyKeys("userId", "rating", "dish", "text");
      assertThat(factory.getValidator().validate(new ReviewContent("u_1-a", 1, null, "t".repeat(5000)))).isEmpty();
      assertThat(factory.getValidator().validate(new ReviewContent("u", null, null, null))).hasSize(1);
    }
  }
}
