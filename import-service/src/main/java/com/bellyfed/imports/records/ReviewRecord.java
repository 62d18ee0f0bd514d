package com.bellyfed.imports.records;

import com.bellyfed.events.topology.TableKeys;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A review to import: restaurant and user required, rating 1-5, as the write API asks. */
public record ReviewRecord(
    @Nullable @Pattern(regexp = Patterns.UUID, message = "must be a UUID") String reviewId,
    @NotBlank @Size(max = 100) String restaurantId,
    @NotBlank @Size(max = 128) String userId,
    @NotNull @Min(1) @Max(5) Integer rating,
    @Nullable @Size(max = 200) String dish,
    @Nullable @Size(max = 5000) String text,
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
  public Map<String, AttributeValue> toItem() {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("restaurantId", AttributeValue.fromS(restaurantId));
    item.put("reviewId", AttributeValue.fromS(String.valueOf(reviewId)));
    item.put("userId", AttributeValue.fromS(userId));
    item.put("rating", AttributeValue.fromN(rating.toString()));
    if (dish != null && !dish.isBlank()) {
      item.put("dish", AttributeValue.fromS(dish));
    }
    if (text != null && !text.isBlank()) {
      item.put("text", AttributeValue.fromS(text));
    }
    item.put("createdAt", AttributeValue.fromS(TableKeys.timestamp(createdAt)));
    item.put("version", AttributeValue.fromN("1"));
    return item;
  }
}
