package com.bellyfed.write.web;

import com.bellyfed.kit.problem.FieldError;
import com.bellyfed.kit.problem.InvalidRequestException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Refuses text with control characters (NUL and the other C0 controls but tab, line feed and carriage
 * return; DEL) or unpaired surrogates anywhere in a request body: JSON may carry them escaped
 * ({@code "a\u0000b"}), the binding takes them, the field rules (lengths, blanks) do not look, and they would be
 * stored and handed to every reader. 400 naming each field, before anything is written.
 */
@ControllerAdvice
class ControlCharacters extends RequestBodyAdviceAdapter {

  static final String REASON = "must not contain control characters or unpaired surrogates";

  @Override
  public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    List<FieldError> errors = new ArrayList<>();
    check("", body, errors);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return body;
  }

  /** Walks the bound body: records, collections, maps and their texts (the write API's bodies are records of those). */
  private static void check(String path, @Nullable Object value, List<FieldError> errors) {
    if (value instanceof CharSequence text) {
      if (!clean(text)) {
        errors.add(new FieldError(path.isEmpty() ? "body" : path, REASON));
      }
    } else if (value instanceof Record record) {
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        try {
          Method accessor = component.getAccessor();
          // The bodies are often package-private records; their accessors are public, their classes not.
          accessor.trySetAccessible();
          check(join(path, component.getName()), accessor.invoke(record), errors);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("Cannot read " + component + " of a request body", e);
        }
      }
    } else if (value instanceof Collection<?> items) {
      int index = 0;
      for (Object item : items) {
        check(path + "[" + index++ + "]", item, errors);
      }
    } else if (value instanceof Map<?, ?> map) {
      map.forEach((key, item) -> {
        check(path, key, errors);
        check(join(path, String.valueOf(key)), item, errors);
      });
    }
  }

  private static boolean clean(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
        return false;
      }
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
