package com.bellyfed.imports.records;

import com.bellyfed.data.reviews.ReviewContent;
import com.bellyfed.data.reviews.ReviewItem;
import com.bellyfed.data.reviews.ReviewItems;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A review to import. What the reviewer wrote follows shared-data's {@link ReviewContent} (the
 * write API's rules: user id, rating 1-5, dish and text lengths); here only the keys.
 */
public record ReviewRecord(
    @Nullable @Pattern(regexp = Patterns.UUID, message = "must be a UUID") String reviewId,
    @NotBlank @Size(max = 100) String restaurantId,
    @Nullable String userId,
    @Nullable Integer rating,
    @Nullable String dish,
    @Nullable String text,
    @Nullable Instant createdAt)
    implements ImportRecord {

  public static final List<String> COLUMNS = List.of("reviewId", "restaurantId", "userId", "rating", "dish", "text", "createdAt");

  @Override
  public ReviewRecord prepared(Instant now) {
    return new ReviewRecord(
        reviewId != null ? reviewId : UUID.randomUUID().toString(), restaurantId, userId, rating, dish, text,
        createdAt != null ? createdAt : now);
  }

  @Override
  public ReviewContent shared() {
    return new ReviewContent(userId, rating, dish, text);
  }

  @Override
  public Map<String, AttributeValue> toItem() {
    return ReviewItems.encode(ReviewItem.created(
        restaurantId, String.valueOf(reviewId), shared(), RestaurantRecord.createdAtOrFail(createdAt)));
  }
}
