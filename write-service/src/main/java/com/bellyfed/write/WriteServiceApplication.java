package com.bellyfed.write;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the write-service. */
@SpringBootApplication
public class WriteServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(WriteServiceApplication.class, args);
  }
}
