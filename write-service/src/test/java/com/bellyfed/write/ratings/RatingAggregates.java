package com.bellyfed.write.ratings;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.events.topology.Topology;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A restaurant's rating aggregates as the table holds them (consistent read). */
final class RatingAggregates {

  private RatingAggregates() {}

  /**
   * Asserts the count, the sum and the average (data-model.md: the sum over the count to two decimals, HALF_UP);
   * answers the item for further checks.
   */
  static Map<String, AttributeValue> assertExact(DynamoDbClient dynamoDb, Topology topology, String restaurantId, long count, long sum) {
    Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(topology.table("restaurants").name()).consistentRead(true)
        .key(Map.of("restaurantId", AttributeValue.fromS(restaurantId)))).item();
    assertThat(item.get("reviewCount").n()).isEqualTo(Long.toString(count));
    assertThat(item.get("ratingSum").n()).isEqualTo(Long.toString(sum));
    assertThat(new BigDecimal(item.get("avgRating").n()))
        .isEqualByComparingTo(BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP));
    return item;
  }
}
