package com.bellyfed.localaws.dynamodb.engine;

/** Provisioned read and write capacity; zero for on-demand tables and their indexes. */
public record Throughput(long read, long write) {

  public static final Throughput NONE = new Throughput(0, 0);
}
