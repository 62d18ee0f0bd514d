package com.bellyfed.imports.records;

import com.bellyfed.events.topology.TableKeys;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
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

/**
 * A restaurant to import. The rules are the write API's: name, city and cuisine required, price
 * level 1-4, coordinates in range and given together, at most 20 tags.
 */
public record RestaurantRecord(
    @Nullable @Pattern(regexp = Patterns.UUID, message = "must be a UUID") String restaurantId,
    @NotBlank @Size(max = 200) String name,
    @NotBlank @Size(max = 100) String city,
    @NotBlank @Size(max = 100) String cuisine,
    @Nullable @Size(max = 300) String address,
    @NotNull @Min(1) @Max(4) Integer priceLevel,
    @Nullable @DecimalMin("-90") @DecimalMax("90") Double lat,
    @Nullable @DecimalMin("-180") @DecimalMax("180") Double lon,
    @Nullable @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags,
    @Nullable Instant createdAt)
    implements ImportRecord {

  /** The CSV columns, in the order the generator writes them. */
  public static final List<String> COLUMNS =
      List.of("restaurantId", "name", "city", "cuisine", "address", "priceLevel", "lat", "lon", "tags", "createdAt");

  @AssertTrue(message = "lat and lon must be given together")
  boolean isGeoComplete() {
    return (lat == null) == (lon == null);
  }

  @Override
  public RestaurantRecord prepared(Instant now) {
    return new RestaurantRecord(
        restaurantId != null ? restaurantId : UUID.randomUUID().toString(),
        name, city, cuisine, address, priceLevel, lat, lon, tags, createdAt != null ? createdAt : now);
  }

  @Override
  public Map<String, AttributeValue> toItem() {
    String created = TableKeys.timestamp(createdAt);
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("restaurantId", AttributeValue.fromS(String.valueOf(restaurantId)));
    item.put("name", AttributeValue.fromS(name));
    item.put("city", AttributeValue.fromS(city));
    item.put("cuisine", AttributeValue.fromS(cuisine));
    if (address != null && !address.isBlank()) {
      item.put("address", AttributeValue.fromS(address));
    }
    if (lat != null && lon != null) {
      item.put("geo", AttributeValue.fromM(Map.of("lat", AttributeValue.fromN(lat.toString()), "lon", AttributeValue.fromN(lon.toString()))));
    }
    item.put("priceLevel", AttributeValue.fromN(priceLevel.toString()));
    if (tags != null && !tags.isEmpty()) {
      item.put("tags", AttributeValue.fromL(tags.stream().map(AttributeValue::fromS).toList()));
    }
    item.put("reviewCount", AttributeValue.fromN("0"));
    item.put("ratingSum", AttributeValue.fromN("0"));
    item.put("avgRating", AttributeValue.fromN("0"));
    item.put("createdAt", AttributeValue.fromS(created));
    item.put("updatedAt", AttributeValue.fromS(created));
    item.put("version", AttributeValue.fromN("1"));
    item.put("allKey", AttributeValue.fromS(TableKeys.ALL));
    item.put("cityKey", AttributeValue.fromS(TableKeys.cityKey(city)));
    item.put("cuisineKey", AttributeValue.fromS(TableKeys.cuisineKey(cuisine)));
    item.put("cityCuisineKey", AttributeValue.fromS(TableKeys.cityCuisineKey(city, cuisine)));
    item.put("nameKey", AttributeValue.fromS(TableKeys.nameKey(name)));
    return item;
  }
}
