package com.bellyfed.imports;

import com.bellyfed.kit.paging.EnablePaging;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the import-service. */
@SpringBootApplication
@EnablePaging
public class ImportServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(ImportServiceApplication.class, args);
  }
}
