package com.bellyfed.query.analytics;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a handler tells the analytics event of its request: which query ran, with which filters, and
 * how many results it gave. Kept as a request attribute; {@link QueryAnalyticsFilter} reads it once
 * the response is out.
 */
public final class QueryAnalytics {

  private static final String ATTRIBUTE = QueryAnalytics.class.getName();

  private String eventType = "API_QUERY_ANALYTICS";
  private String query = "unmatched";
  private final Map<String, Object> filters = new LinkedHashMap<>();
  private int resultCount;
  private @Nullable String userId;

  /** The facts of {@code request}, created on first use. */
  public static QueryAnalytics of(HttpServletRequest request) {
    Object existing = request.getAttribute(ATTRIBUTE);
    if (existing instanceof QueryAnalytics analytics) {
      return analytics;
    }
    QueryAnalytics analytics = new QueryAnalytics();
    request.setAttribute(ATTRIBUTE, analytics);
    return analytics;
  }

  static @Nullable QueryAnalytics find(HttpServletRequest request) {
    return request.getAttribute(ATTRIBUTE) instanceof QueryAnalytics analytics ? analytics : null;
  }

  /**
   * @param eventType the analytics event type, {@code *_ANALYTICS}
   * @param query the query's name, e.g. {@code restaurants.search}
   */
  public QueryAnalytics query(String eventType, String query) {
    this.eventType = eventType;
    this.query = query;
    return this;
  }

  /** A filter the client used; null values (filters not used) are left out. */
  public QueryAnalytics filter(String name, @Nullable Object value) {
    if (value != null) {
      filters.put(name, value);
    }
    return this;
  }

  public QueryAnalytics resultCount(int count) {
    this.resultCount = count;
    return this;
  }

  /** The only personal datum an analytics event may carry. */
  public QueryAnalytics userId(String id) {
    this.userId = id;
    return this;
  }

  String eventType() {
    return eventType;
  }

  String query() {
    return query;
  }

  Map<String, Object> filters() {
    return filters;
  }

  int resultCount() {
    return resultCount;
  }

  @Nullable String userId() {
    return userId;
  }
}
