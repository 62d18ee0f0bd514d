package com.bellyfed.query.reviews;

import com.bellyfed.query.storage.Items;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A review as the API shows it. */
public record Review(
    String reviewId,
    String restaurantId,
    @Nullable String userId,
    @Nullable Integer rating,
    @Nullable String dish,
    @Nullable String text,
    @Nullable String createdAt) {

  static Review from(Map<String, AttributeValue> item) {
    return new Review(
        String.valueOf(Items.string(item, "reviewId")),
        String.valueOf(Items.string(item, "restaurantId")),
        Items.string(item, "userId"),
        Items.integer(item, "rating"),
        Items.string(item, "dish"),
        Items.string(item, "text"),
        Items.string(item, "createdAt"));
  }
}
