package com.bellyfed.events.naming;

/** The categories in bus names: domain events, infrastructure events, and analytics. */
public enum BusCategory {
  DOMAIN("domain"),
  INFRA("infra"),
  ANALYTICS("analytics");

  private final String id;

  BusCategory(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }
}
