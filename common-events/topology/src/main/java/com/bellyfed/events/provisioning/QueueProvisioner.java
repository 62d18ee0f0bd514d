package com.bellyfed.events.provisioning;

import com.bellyfed.events.provisioning.ProvisioningReport.Action;
import com.bellyfed.events.provisioning.ProvisioningReport.Change;
import com.bellyfed.events.topology.QueueDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** Creates SQS queues or brings their attributes in line with the topology. */
final class QueueProvisioner {

  private final SqsClient sqs;
  private final boolean grantEventBridgeAccess;

  QueueProvisioner(SqsClient sqs, boolean grantEventBridgeAccess) {
    this.sqs = sqs;
    this.grantEventBridgeAccess = grantEventBridgeAccess;
  }

  /** Applies one queue and records its ARN in {@code arns} for redrive policies and rule targets. */
  Change apply(QueueDefinition queue, Map<String, String> arns) {
    Map<QueueAttributeName, String> desired = attributes(queue, arns);
    String url;
    try {
      url = sqs.getQueueUrl(request -> request.queueName(queue.name())).queueUrl();
    } catch (QueueDoesNotExistException missing) {
      url = sqs.createQueue(request -> request.queueName(queue.name()).attributes(desired)).queueUrl();
      arns.put(queue.name(), arn(url));
      if (grantEventBridgeAccess) {
        grantEventBridge(url, arns.get(queue.name()));
      }
      return Provisioner.change("queue", queue.name(), Action.CREATED, "");
    }
    String queueUrl = url;
    Map<QueueAttributeName, String> actual =
        sqs.getQueueAttributes(request -> request.queueUrl(queueUrl).attributeNames(QueueAttributeName.ALL))
            .attributes();
    arns.put(queue.name(), actual.get(QueueAttributeName.QUEUE_ARN));
    Map<QueueAttributeName, String> differing = new LinkedHashMap<>();
    desired.forEach(
        (name, value) -> {
          String current = actual.get(name);
          boolean same =
              name == QueueAttributeName.REDRIVE_POLICY ? Json.same(value, current) : value.equals(current);
          if (!same) {
            differing.put(name, value);
          }
        });
    if (differing.isEmpty()) {
      return Provisioner.change("queue", queue.name(), Action.UNCHANGED, "");
    }
    sqs.setQueueAttributes(request -> request.queueUrl(queueUrl).attributes(differing));
    List<String> names = new ArrayList<>();
    differing.keySet().forEach(name -> names.add(name.toString()));
    return Provisioner.change("queue", queue.name(), Action.UPDATED, String.join(", ", names));
  }

  private Map<QueueAttributeName, String> attributes(QueueDefinition queue, Map<String, String> arns) {
    Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
    attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, Long.toString(queue.visibilityTimeout().toSeconds()));
    attributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD, Long.toString(queue.retention().toSeconds()));
    QueueDefinition.RedrivePolicy redrive = queue.redrive();
    if (redrive != null) {
      String deadLetterArn = arns.get(redrive.deadLetterQueue());
      if (deadLetterArn == null) {
        throw new IllegalStateException(
            "Queue '" + queue.name() + "' redrives to '" + redrive.deadLetterQueue() + "', which was not provisioned first");
      }
      attributes.put(
          QueueAttributeName.REDRIVE_POLICY,
          Json.write(Map.of("deadLetterTargetArn", deadLetterArn, "maxReceiveCount", redrive.maxReceiveCount())));
    }
    return attributes;
  }

  /**
   * On AWS, EventBridge may only send to a queue whose policy allows it. Set once at creation: the
   * policy names the account, which only the created queue's ARN tells.
   */
  private void grantEventBridge(String url, String arn) {
    String account = arn.split(":")[4];
    String policy =
        Json.write(
            Map.of(
                "Version", "2012-10-17",
                "Statement",
                    List.of(
                        Map.of(
                            "Sid", "AllowEventBridgeRules",
                            "Effect", "Allow",
                            "Principal", Map.of("Service", "events.amazonaws.com"),
                            "Action", "sqs:SendMessage",
                            "Resource", arn,
                            "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", account))))));
    sqs.setQueueAttributes(request -> request.queueUrl(url).attributes(Map.of(QueueAttributeName.POLICY, policy)));
  }

  private String arn(String url) {
    return sqs.getQueueAttributes(request -> request.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes()
        .get(QueueAttributeName.QUEUE_ARN);
  }
}
