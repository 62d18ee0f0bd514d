package com.bellyfed.benchmarks.localaws;

import com.bellyfed.localaws.LocalAws;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/** A queue of one phase, deleted with what is left in it so that no phase inherits another's messages. */
record BenchQueue(SqsClient sqs, String name, String url, String arn) implements AutoCloseable {

  private static final AtomicInteger COUNT = new AtomicInteger();

  static BenchQueue create(SqsClient sqs, Region region, String purpose) {
    String name = "bench-" + purpose + "-" + COUNT.incrementAndGet();
    String url = sqs.createQueue(request -> request.queueName(name)).queueUrl();
    return new BenchQueue(sqs, name, url, "arn:aws:sqs:" + region.id() + ":" + LocalAws.ACCOUNT + ":" + name);
  }

  @Override
  public void close() {
    sqs.deleteQueue(request -> request.queueUrl(url));
  }
}
