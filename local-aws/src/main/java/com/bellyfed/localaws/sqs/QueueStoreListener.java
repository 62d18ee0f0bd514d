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
 * answers its client only after the reply, which comes once the change is committed: an
 * acknowledged SendMessage, receive or DeleteMessage is in the store. Queue changes are told, not
 * asked, and are written in their turn.
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
        .match(QueueEvent.MessageUpdated.class, updated -> writer.submit(new PutMessage(updated.queueName(), updated.message()), replyTo()))
        .match(QueueEvent.MessageRemoved.class, removed -> writer.submit(new DeleteMessage(removed.queueName(), removed.messageId()), replyTo()))
        .build();
  }

  private Runnable replyTo() {
    ActorRef asker = getSender();
    return () -> asker.tell(OperationSuccessful$.MODULE$, ActorRef.noSender());
  }
}
