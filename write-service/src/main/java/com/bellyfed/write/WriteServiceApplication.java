package com.bellyfed.write;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Starts the write-service. */
@SpringBootApplication
@EnableConfigurationProperties(WriteProperties.class)
public class WriteServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(WriteServiceApplication.class, args);
  }
}
