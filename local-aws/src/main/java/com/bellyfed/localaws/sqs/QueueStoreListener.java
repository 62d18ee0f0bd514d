package com.bellyfed.localaws.sqs;

import com.bellyfed.localaws.sqs.QueueStoreWriter.DeleteMessage;
import com.bellyfed.localaws.sqs.QueueStoreWriter.DropQueue;
import com.bellyfed.localaws.sqs.QueueStoreWriter.PutMessage;
import com.bellyfed.localaws.sqs.QueueStoreWriter.PutQueue;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.Props;
import org.elasticmq.actor.queue.OperationSuccessful$;
import org.elasticmq.actor.queue.QueueEvent;

/**
 * ElasticMQ's queue event listener (the hook its SQL persistence uses) in front of a {@link
 * QueueStoreWriter}. A queue actor asks it about every message it adds, changes or removes and
 * answers its client only after the reply. A message added (SendMessage, a move to a dead-letter
 * queue) or removed (DeleteMessage) is answered once the change is committed: an acknowledged send
 * or delete is in the store. A message changed (received, or its visibility changed) is answered
 * at once and written with the next commit, in order: a receive of 10 messages asks 10 times, one
 * after the other, and waiting for 10 commits made receiving with a data directory 2 to 4 times
 * slower (decision 58). What that gives up: after a {@code kill -9}, a receive answered in the last
 * milliseconds may be forgotten, the message then visible again with its receive count one lower,
 * which SQS's at-least-once delivery allows anyway. Queue changes are told, not asked, and are
 * written in their turn.
 */
final class QueueStoreListener extends AbstractActor {

  private final QueueStoreWriter writer;

  QueueStoreListener(QueueStoreWriter writer) {
    this.writer = writer;
  }

  static Props props(QueueStoreWriter writer) {
    return Props.create(QueueStoreListener.class, () -> new QueueStoreListener(writer));
  }

  @Override
  public Receive createReceive() {
    return receiveBuilder()
        .match(QueueEvent.QueueCreated.class, created -> writer.submit(new PutQueue(created.queue()), null))
        .match(QueueEvent.QueueMetadataUpdated.class, updated -> writer.submit(new PutQueue(updated.queue()), null))
        .match(QueueEvent.QueueDeleted.class, deleted -> writer.submit(new DropQueue(deleted.queueName()), null))
        .match(QueueEvent.MessageAdded.class, added -> writer.submit(new PutMessage(added.queueName(), added.message()), replyTo()))
        .match(QueueEvent.MessageUpdated.class, updated -> {
          writer.submit(new PutMessage(updated.queueName(), updated.message()), null);
          getSender().tell(OperationSuccessful$.MODULE$, ActorRef.noSender());
        })
        .match(QueueEvent.MessageRemoved.class, removed -> writer.submit(new DeleteMessage(removed.queueName(), removed.messageId()), replyTo()))
        .build();
  }

  private Runnable replyTo() {
    ActorRef asker = getSender();
    return () -> asker.tell(OperationSuccessful$.MODULE$, ActorRef.noSender());
  }
}
