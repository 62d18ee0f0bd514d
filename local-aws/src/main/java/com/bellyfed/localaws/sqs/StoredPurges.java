package com.bellyfed.localaws.sqs;

import com.bellyfed.localaws.edge.AwsRequest;
import com.bellyfed.localaws.edge.AwsResponse;
import com.bellyfed.localaws.edge.ServiceBackend;
import java.io.IOException;
import java.time.Instant;

/**
 * Removes a purged queue's messages from ElasticMQ's store too: its PurgeQueue clears the queue in
 * memory and tells no listener, so without this they would come back after a restart. What is
 * removed is every message created before the PurgeQueue arrived; SQS itself "might" delete a
 * message sent while the purge runs, so one sent during the call and cleared by ElasticMQ may
 * come back after a restart. Answers once the store no longer holds them.
 */
public final class StoredPurges implements ServiceBackend {

  private final ServiceBackend elasticMq;
  private final ElasticMqServer server;

  public StoredPurges(ServiceBackend elasticMq, ElasticMqServer server) {
    this.elasticMq = elasticMq;
    this.server = server;
  }

  @Override
  public AwsResponse handle(AwsRequest request) throws IOException, InterruptedException {
    if (!request.operation().equals("PurgeQueue")) {
      return elasticMq.handle(request);
    }
    Instant arrived = Instant.now();
    AwsResponse response = elasticMq.handle(request);
    String queueName = MessageRetention.parameters(request).queueName();
    if (response.status() == 200 && queueName != null) {
      server.purged(queueName, arrived);
    }
    return response;
  }
}
