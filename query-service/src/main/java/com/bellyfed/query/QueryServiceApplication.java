package com.bellyfed.query;

import com.bellyfed.kit.paging.EnablePaging;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the query-service. */
@SpringBootApplication
@EnablePaging
public class QueryServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(QueryServiceApplication.class, args);
  }
}
