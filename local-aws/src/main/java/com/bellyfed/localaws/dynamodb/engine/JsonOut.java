package com.bellyfed.localaws.dynamodb.engine;

import com.bellyfed.localaws.Json;
import com.bellyfed.localaws.dynamodb.model.Value;
import com.bellyfed.localaws.dynamodb.model.ValueJson;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** A response body written straight to bytes with Jackson's streaming generator: no tree in between. */
public final class JsonOut {

  private final ByteArrayBuilder buffer = new ByteArrayBuilder(256);
  private final JsonGenerator out;

  public JsonOut() {
    out = Json.MAPPER.createGenerator(buffer, JsonEncoding.UTF8);
  }

  public JsonGenerator generator() {
    return out;
  }

  public JsonOut start() {
    return io(out::writeStartObject);
  }

  public JsonOut end() {
    return io(out::writeEndObject);
  }

  public JsonOut field(String name) {
    return io(() -> out.writeName(name));
  }

  public JsonOut string(String name, String value) {
    return io(() -> out.writeStringProperty(name, value));
  }

  public JsonOut number(String name, long value) {
    return io(() -> out.writeNumberProperty(name, value));
  }

  public JsonOut number(String name, double value) {
    return io(() -> out.writeNumberProperty(name, value));
  }

  public JsonOut bool(String name, boolean value) {
    return io(() -> out.writeBooleanProperty(name, value));
  }

  public JsonOut startObject(String name) {
    return io(() -> out.writeObjectPropertyStart(name));
  }

  public JsonOut startArray(String name) {
    return io(() -> out.writeArrayPropertyStart(name));
  }

  public JsonOut startObject() {
    return io(out::writeStartObject);
  }

  public JsonOut endArray() {
    return io(out::writeEndArray);
  }

  public JsonOut arrayString(String value) {
    return io(() -> out.writeString(value));
  }

  public JsonOut item(String name, Map<String, Value> item) {
    return io(() -> {
      out.writeName(name);
      ValueJson.writeMap(out, item);
    });
  }

  public JsonOut item(Map<String, Value> item) {
    return io(() -> ValueJson.writeMap(out, item));
  }

  public byte[] toBytes() {
    out.close();
    return buffer.toByteArray();
  }

  private interface Write {
    void run() throws IOException;
  }

  private JsonOut io(Write write) {
    try {
      write.run();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
