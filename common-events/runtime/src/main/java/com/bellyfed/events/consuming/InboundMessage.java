package com.bellyfed.events.consuming;

/**
 * One SQS message as a listener received it.
 *
 * @param receiveCount SQS's ApproximateReceiveCount, 1 on the first delivery
 */
public record InboundMessage(String queueUrl, String messageId, String receiptHandle, String body, int receiveCount) {}
