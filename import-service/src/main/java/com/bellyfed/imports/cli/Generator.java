package com.bellyfed.imports.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Synthetic import bodies of any size, streamed (nothing is held), reproducible from a seed: the
 * same seed gives the same records and ids, so a test or benchmark can find them afterwards.
 *
 * @param type restaurants, reviews or users
 * @param csv CSV with a header row instead of NDJSON
 * @param count records to write
 * @param seed the seed of the values and of the ids ({@link #id})
 * @param city the city of every restaurant (or user), or null for a mix; lets a test count its own items through the city index
 * @param recordSize the approximate size of one record in bytes (restaurants are padded with tags, reviews with text, users
 *     with their bio up to its 1,000 characters)
 */
public record Generator(String type, boolean csv, long count, long seed, @Nullable String city, int recordSize) {

  private static final List<String> CITIES = List.of("Kuala Lumpur", "Penang", "Singapore", "Bangkok", "Jakarta", "Manila", "Hanoi");
  private static final List<String> CUISINES = List.of("Malay", "Chinese", "Indian", "Thai", "Japanese", "Italian", "Peranakan", "Korean");
  private static final List<String> WORDS = List.of(
      "spicy", "noodles", "laksa", "satay", "rendang", "curry", "dim-sum", "halal", "vegetarian", "seafood", "hawker",
      "rooftop", "family", "late-night", "breakfast", "dessert", "coffee", "grill", "street-food", "fusion");

  public Generator {
    if (!List.of("restaurants", "reviews", "users").contains(type)) {
      throw new IllegalArgumentException("type must be restaurants, reviews or users, not " + type);
    }
  }

  public static Generator restaurants(long count, long seed, @Nullable String city) {
    return new Generator("restaurants", false, count, seed, city, 500);
  }

  /** Records of {@code type} of about 500 bytes, as the benchmark asks, in NDJSON and a mix of cities. */
  public static Generator of(String type, long count, long seed) {
    return new Generator(type, false, count, seed, null, 500);
  }

  public Generator asCsv() {
    return new Generator(type, true, count, seed, city, recordSize);
  }

  /** The id the generator gives record {@code index} (0-based) of a seed: restaurantId, reviewId or userId. */
  public static String id(long seed, long index) {
    return UUID.nameUUIDFromBytes((seed + ":" + index).getBytes(StandardCharsets.UTF_8)).toString();
  }

  public void writeTo(OutputStream out) throws IOException {
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
    if (csv) {
      writer.write(header());
      writer.write('\n');
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (long i = 0; i < count; i++) {
      writer.write(record(i, random));
      writer.write('\n');
    }
    writer.flush();
  }

  private String header() {
    return switch (type) {
      case "restaurants" -> "restaurantId,name,city,cuisine,address,priceLevel,lat,lon,tags";
      case "reviews" -> "reviewId,restaurantId,userId,rating,dish,text";
      default -> "userId,email,userName,displayName,city,bio";
    };
  }

  private String record(long index, SplittableRandom random) {
    String id = id(seed, index);
    String place = city != null ? city : CITIES.get(random.nextInt(CITIES.size()));
    return switch (type) {
      case "restaurants" -> restaurant(id, index, place, random);
      case "reviews" -> review(id, index, random);
      default -> user(id, index, place, random);
    };
  }

  private String restaurant(String id, long index, String place, SplittableRandom random) {
    String name = "Restaurant " + index + " " + WORDS.get(random.nextInt(WORDS.size()));
    String cuisine = CUISINES.get(random.nextInt(CUISINES.size()));
    String address = (1 + random.nextInt(400)) + " Jalan " + WORDS.get(random.nextInt(WORDS.size())) + ", " + place;
    int price = 1 + random.nextInt(4);
    String lat = String.format(Locale.ROOT, "%.5f", -10 + random.nextDouble() * 30);
    String lon = String.format(Locale.ROOT, "%.5f", 95 + random.nextDouble() * 30);
    StringBuilder tags = new StringBuilder();
    int base = 200 + name.length() + place.length() + address.length();
    for (int t = 0; t < 20 && base + tags.length() < recordSize; t++) {
      tags.append(tags.length() == 0 ? "" : "|").append(WORDS.get(random.nextInt(WORDS.size()))).append('-').append(t);
    }
    if (csv) {
      return String.join(",", id, name, place, cuisine, '"' + address + '"', Integer.toString(price), lat, lon, tags);
    }
    return "{\"restaurantId\":\"" + id + "\",\"name\":\"" + name + "\",\"city\":\"" + place + "\",\"cuisine\":\"" + cuisine
        + "\",\"address\":\"" + address + "\",\"priceLevel\":" + price + ",\"lat\":" + lat + ",\"lon\":" + lon
        + ",\"tags\":[" + (tags.length() == 0 ? "" : "\"" + tags.toString().replace("|", "\",\"") + "\"") + "]}";
  }

  private String review(String id, long index, SplittableRandom random) {
    String restaurant = id(seed + 1, random.nextInt(1000));
    String user = "user-" + random.nextInt(10_000);
    int rating = 1 + random.nextInt(5);
    String dish = WORDS.get(random.nextInt(WORDS.size()));
    StringBuilder text = new StringBuilder("Review " + index + ":");
    while (text.length() < recordSize - 180) {
      text.append(' ').append(WORDS.get(random.nextInt(WORDS.size())));
    }
    if (csv) {
      return String.join(",", id, restaurant, user, Integer.toString(rating), dish, '"' + text.toString() + '"');
    }
    return "{\"reviewId\":\"" + id + "\",\"restaurantId\":\"" + restaurant + "\",\"userId\":\"" + user + "\",\"rating\":" + rating
        + ",\"dish\":\"" + dish + "\",\"text\":\"" + text + "\"}";
  }

  private String user(String id, long index, String place, SplittableRandom random) {
    String email = "user" + index + "." + id.substring(0, 8) + "@example.com";
    StringBuilder bio = new StringBuilder("Food lover number " + index + " from " + place + ", likes");
    // Ids, email, names and JSON punctuation take about 165 bytes; the write API allows a bio of up to 1,000 characters.
    while (bio.length() < Math.min(1000 - 20, recordSize - 165)) {
      bio.append(' ').append(WORDS.get(random.nextInt(WORDS.size())));
    }
    if (csv) {
      return String.join(",", id, email, "user" + index, "User " + index, place, '"' + bio.toString() + '"');
    }
    return "{\"userId\":\"" + id + "\",\"email\":\"" + email + "\",\"userName\":\"user" + index + "\",\"displayName\":\"User " + index
        + "\",\"city\":\"" + place + "\",\"bio\":\"" + bio + "\"}";
  }
}
