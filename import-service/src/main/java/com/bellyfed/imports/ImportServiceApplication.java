package com.bellyfed.imports;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the import-service. */
@SpringBootApplication
public class ImportServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(ImportServiceApplication.class, args);
  }
}
