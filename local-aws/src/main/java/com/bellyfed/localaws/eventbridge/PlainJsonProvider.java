package com.bellyfed.localaws.eventbridge;

import com.jayway.jsonpath.InvalidJsonException;
import com.jayway.jsonpath.spi.json.AbstractJsonProvider;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * JsonPath over plain maps and lists read by Jackson 3: json-path ships providers only for Jackson
 * 2, and its base class already walks maps (in document order here) and lists.
 */
final class PlainJsonProvider extends AbstractJsonProvider {

  private final ObjectMapper mapper;

  PlainJsonProvider(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public Object parse(String json) {
    try {
      return mapper.readValue(json, Object.class);
    } catch (JacksonException e) {
      throw new InvalidJsonException(e);
    }
  }

  @Override
  public Object parse(InputStream json, String charset) {
    try {
      return mapper.readValue(json, Object.class);
    } catch (JacksonException e) {
      throw new InvalidJsonException(e);
    }
  }

  @Override
  public String toJson(Object value) {
    return mapper.writeValueAsString(value);
  }

  @Override
  public Object createArray() {
    return new ArrayList<>();
  }

  @Override
  public Object createMap() {
    return new LinkedHashMap<String, Object>();
  }
}
