package com.bellyfed.analytics;

import com.bellyfed.kit.paging.EnablePaging;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Starts the analytics-service. */
@SpringBootApplication
@EnableConfigurationProperties(AnalyticsSettings.class)
@EnablePaging
public class AnalyticsServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(AnalyticsServiceApplication.class, args);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
