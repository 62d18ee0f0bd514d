package com.bellyfed.write.reviews;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A review as written. */
public record Review(
    String reviewId, String restaurantId, String userId, int rating, @Nullable String dish, @Nullable String text,
    Instant createdAt, long version) {}
