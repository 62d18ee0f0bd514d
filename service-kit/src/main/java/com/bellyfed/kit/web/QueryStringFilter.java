package com.bellyfed.kit.web;

import com.bellyfed.kit.problem.ProblemTypes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a query string that is too long (414, over {@code bellyfed.web.max-query-length}), has too many
 * parameters (400, over {@code bellyfed.web.max-parameters}) or is not percent-encoded UTF-8 (400 naming each
 * such parameter), before anything reads parameters. Tomcat 11 throws {@code InvalidParameterException} (its
 * cause a {@code CharacterCodingException}, an {@code IOException}) from the first {@code getParameter}, which
 * Spring Security's bearer token resolver makes on every GET; the error page then took it for an outage and
 * answered 503. Found by the hostile-input suites of query and analytics, which each had a local fix.
 */
public class QueryStringFilter extends OncePerRequestFilter {

  private static final String REASON = "must be percent-encoded UTF-8";

  private final long maxLength;
  private final int maxParameters;
  private final String tooMany;
  private final JsonMapper json;

  public QueryStringFilter(WebContractProperties properties, JsonMapper json) {
    this.maxLength = properties.maxQueryLength().toBytes();
    this.maxParameters = properties.maxParameters();
    this.tooMany = "must have at most " + maxParameters + " parameters";
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String query = request.getQueryString();
    if (query == null) {
      chain.doFilter(request, response);
    } else if (query.length() > maxLength) {
      // RFC 9110 section 15.5.15: a target longer than the server interprets. The container hands the query
      // over byte for byte, so its characters are its bytes.
      refuse(request, response, HttpStatus.URI_TOO_LONG, "URI too long",
          "The query string has " + query.length() + " characters; at most " + maxLength + " are read", List.of());
    } else if (query.chars().filter(c -> c == '&').count() >= maxParameters) {
      refuse(request, response, HttpStatus.BAD_REQUEST, "Invalid request", "query: " + tooMany,
          List.of(Map.of("field", "query", "reason", tooMany)));
    } else {
      List<Map<String, String>> errors = undecodable(query);
      if (errors.isEmpty()) {
        chain.doFilter(request, response);
      } else {
        refuse(request, response, HttpStatus.BAD_REQUEST, "Invalid request",
            String.join("; ", errors.stream().map(error -> error.get("field") + ": " + REASON).toList()), errors);
      }
    }
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title, String detail,
      List<Map<String, String>> errors) throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", ProblemTypes.of(status).toString());
    problem.put("title", title);
    problem.put("status", status.value());
    problem.put("detail", detail);
    problem.put("instance", request.getRequestURI());
    if (!errors.isEmpty()) {
      problem.put("errors", errors);
    }
    byte[] body = json.writeValueAsBytes(problem);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** One error per parameter whose name or value does not decode; a name that does not decode is called {@code query}. */
  static List<Map<String, String>> undecodable(String query) {
    List<Map<String, String>> errors = new ArrayList<>();
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      if (name == null || value == null) {
        String field = name == null ? "query" : name;
        if (errors.stream().noneMatch(error -> error.get("field").equals(field))) {
          errors.add(Map.of("field", field, "reason", REASON));
        }
      }
    }
    return errors;
  }

  /** Strict form decoding: null for a broken escape or bytes that are not UTF-8. */
  private static @Nullable String decode(String encoded) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%') {
        if (i + 2 >= encoded.length()) {
          return null;
        }
        int high = Character.digit(encoded.charAt(i + 1), 16);
        int low = Character.digit(encoded.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          return null;
        }
        bytes.write(high << 4 | low);
        i += 2;
      } else if (c == '+') {
        bytes.write(' ');
      } else if (c <= 0xFF) {
        // The container hands the query string over byte for byte (ISO-8859-1): raw UTF-8 is checked too.
        bytes.write(c);
      } else {
        byte[] literal = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(literal, 0, literal.length);
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException notUtf8) {
      return null;
    }
  }
}
