package com.bellyfed.localaws.dynamodb.engine;

import com.bellyfed.localaws.dynamodb.model.KeySchema;
import com.bellyfed.localaws.dynamodb.model.Type;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The engine's log records: a table's whole declaration, a table dropped, or a group of item
 * after-images written together (one write, a batch's item, or a whole transaction). Replaying an
 * after-image twice leaves the same state, which is what lets snapshots be taken while writes go on.
 */
final class LogRecords {

  static final byte TABLE = 1;
  static final byte DROP = 2;
  static final byte WRITES = 3;

  private static final ObjectMapper JSON = com.bellyfed.localaws.Json.MAPPER;

  private LogRecords() {}

  /** One item's after-image: the encoded item, or null where it was deleted. */
  record ItemImage(String tableId, byte[] key, byte @Nullable [] item) {}

  static byte[] table(TableMeta meta) {
    byte[] json = metaJson(meta).toString().getBytes(StandardCharsets.UTF_8);
    byte[] record = new byte[json.length + 1];
    record[0] = TABLE;
    System.arraycopy(json, 0, record, 1, json.length);
    return record;
  }

  static byte[] drop(String tableId, String name) {
    return write(out -> {
      out.writeByte(DROP);
      out.writeUTF(tableId);
      out.writeUTF(name);
    });
  }

  static byte[] writes(List<ItemImage> images) {
    return write(out -> {
      out.writeByte(WRITES);
      out.writeInt(images.size());
      for (ItemImage image : images) {
        out.writeUTF(image.tableId());
        out.writeShort(image.key().length);
        out.write(image.key());
        if (image.item() == null) {
          out.writeInt(-1);
        } else {
          out.writeInt(image.item().length);
          out.write(image.item());
        }
      }
    });
  }

  static byte type(byte[] record) {
    return record[0];
  }

  static TableMeta readTable(byte[] record) {
    return meta(JSON.readTree(record, 1, record.length - 1));
  }

  /** The id and name of a dropped table. */
  static String[] readDrop(byte[] record) {
    return read(record, in -> new String[] {in.readUTF(), in.readUTF()});
  }

  static List<ItemImage> readWrites(byte[] record) {
    return read(record, in -> {
      int count = in.readInt();
      List<ItemImage> images = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        String tableId = in.readUTF();
        byte[] key = new byte[in.readUnsignedShort()];
        in.readFully(key);
        int length = in.readInt();
        byte[] item = null;
        if (length >= 0) {
          item = new byte[length];
          in.readFully(item);
        }
        images.add(new ItemImage(tableId, key, item));
      }
      return images;
    });
  }

  // ---- table declarations as JSON: readable in a hex dump, and free to grow new members

  static ObjectNode metaJson(TableMeta meta) {
    ObjectNode json = JSON.createObjectNode();
    json.put("id", meta.id()).put("name", meta.name()).put("arn", meta.arn());
    json.set("key", schemaJson(meta.keySchema()));
    ObjectNode definitions = json.putObject("attributes");
    meta.attributeDefinitions().forEach((name, type) -> definitions.put(name, type.name()));
    json.put("billing", meta.billingMode().name());
    throughputJson(json, meta.throughput());
    json.put("created", meta.createdAt().toString());
    if (meta.billingModeChangedAt() != null) {
      json.put("billingChanged", meta.billingModeChangedAt().toString());
    }
    ArrayNode indexes = json.putArray("indexes");
    for (IndexMeta index : meta.indexes()) {
      ObjectNode node = indexes.addObject();
      node.put("name", index.name()).put("global", index.global()).put("projection", index.projection().name());
      node.set("key", schemaJson(index.keySchema()));
      ArrayNode nonKey = node.putArray("nonKey");
      index.nonKeyAttributes().forEach(nonKey::add);
      throughputJson(node, index.throughput());
    }
    if (meta.ttlAttribute() != null) {
      json.put("ttl", meta.ttlAttribute());
    }
    if (meta.ttlChangedAt() != null) {
      json.put("ttlChanged", meta.ttlChangedAt().toString());
    }
    ObjectNode tags = json.putObject("tags");
    meta.tags().forEach(tags::put);
    json.put("deletionProtection", meta.deletionProtection());
    return json;
  }

  static TableMeta meta(JsonNode json) {
    Map<String, Type> definitions = new LinkedHashMap<>();
    json.path("attributes").properties().forEach(entry -> definitions.put(entry.getKey(), Type.valueOf(entry.getValue().asString(""))));
    List<IndexMeta> global = new ArrayList<>();
    List<IndexMeta> local = new ArrayList<>();
    for (JsonNode node : json.path("indexes")) {
      List<String> nonKey = new ArrayList<>();
      node.path("nonKey").forEach(attribute -> nonKey.add(attribute.asString("")));
      IndexMeta index =
          new IndexMeta(
              node.path("name").asString(""),
              node.path("global").asBoolean(false),
              schema(node.path("key")),
              IndexMeta.ProjectionType.valueOf(node.path("projection").asString("")),
              nonKey,
              throughput(node));
      (index.global() ? global : local).add(index);
    }
    Map<String, String> tags = new LinkedHashMap<>();
    json.path("tags").properties().forEach(entry -> tags.put(entry.getKey(), entry.getValue().asString("")));
    return new TableMeta(
        json.path("id").asString(""),
        json.path("name").asString(""),
        json.path("arn").asString(""),
        schema(json.path("key")),
        definitions,
        TableMeta.BillingMode.valueOf(json.path("billing").asString("")),
        throughput(json),
        Instant.parse(json.path("created").asString("")),
        json.hasNonNull("billingChanged") ? Instant.parse(json.path("billingChanged").asString("")) : null,
        global,
        local,
        json.hasNonNull("ttl") ? json.path("ttl").asString("") : null,
        instant(json, "ttlChanged"),
        tags,
        json.path("deletionProtection").asBoolean(false));
  }

  private static void throughputJson(ObjectNode json, Throughput throughput) {
    json.put("read", throughput.read()).put("write", throughput.write());
    if (throughput.lastIncrease() != null) {
      json.put("lastIncrease", throughput.lastIncrease().toString());
    }
    if (throughput.lastDecrease() != null) {
      json.put("lastDecrease", throughput.lastDecrease().toString()).put("decreases", throughput.decreases());
    }
  }

  /** Records written before the throughput history was kept read as a throughput without one. */
  private static Throughput throughput(JsonNode json) {
    return new Throughput(json.path("read").asLong(0), json.path("write").asLong(0),
        instant(json, "lastIncrease"), instant(json, "lastDecrease"), json.path("decreases").asInt(0));
  }

  private static @Nullable Instant instant(JsonNode json, String name) {
    return json.hasNonNull(name) ? Instant.parse(json.path(name).asString("")) : null;
  }

  private static ObjectNode schemaJson(KeySchema schema) {
    ObjectNode json = JSON.createObjectNode();
    json.put("partition", schema.partitionName()).put("partitionType", schema.partitionType().name());
    if (schema.sortName() != null) {
      json.put("sort", schema.sortName()).put("sortType", schema.sortType().name());
    }
    return json;
  }

  private static KeySchema schema(JsonNode json) {
    return new KeySchema(
        json.path("partition").asString(""),
        Type.valueOf(json.path("partitionType").asString("")),
        json.hasNonNull("sort") ? json.path("sort").asString("") : null,
        json.hasNonNull("sortType") ? Type.valueOf(json.path("sortType").asString("")) : null);
  }

  private interface Writer {
    void write(DataOutputStream out) throws IOException;
  }

  private interface Reader<T> {
    T read(DataInputStream in) throws IOException;
  }

  private static byte[] write(Writer writer) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      writer.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static <T> T read(byte[] record, Reader<T> reader) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(record, 1, record.length - 1))) {
      return reader.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
