package com.bellyfed.write.writing;

import com.bellyfed.events.catalog.AnalyticsEvent;
import com.bellyfed.events.catalog.AnalyticsEvent.Category;
import com.bellyfed.events.catalog.AnalyticsEvent.Status;
import com.bellyfed.events.sideeffects.AnalyticsRecorder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The analytics event of every write (action {@code WRITE}), in the seed structure: the recorder
 * publishes it on its own thread, so it never delays or fails the write.
 */
@Component
public class WriteAnalytics {

  public static final String ACTION = "WRITE";

  private final AnalyticsRecorder recorder;
  private final String service;
  private final String version;

  WriteAnalytics(
      AnalyticsRecorder recorder,
      @Value("${spring.application.name:write-service}") String service,
      @Value("${info.app.version:0.1.0-SNAPSHOT}") String version) {
    this.recorder = recorder;
    this.service = service;
    this.version = version;
  }

  /**
   * @param entity what was written: USER, RESTAURANT, REVIEW, RATING
   * @param properties what else an analyst needs (operation, HTTP status, ...)
   */
  public void record(String entity, Category category, boolean success, Duration duration, Map<String, Object> properties) {
    Map<String, Object> all = new HashMap<>(properties);
    all.put("service", service);
    all.put("version", version);
    all.put("heapLimit", Runtime.getRuntime().maxMemory());
    recorder.record(new AnalyticsEvent(
        entity.toUpperCase(Locale.ROOT) + "_WRITE_ANALYTICS",
        ACTION,
        category,
        success ? Status.SUCCESS : Status.FAILURE,
        duration.toMillis(),
        all));
  }
}
