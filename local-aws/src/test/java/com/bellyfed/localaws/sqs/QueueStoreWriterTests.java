package com.bellyfed.localaws.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.localaws.sqs.QueueStoreWriter.DeleteMessage;
import com.bellyfed.localaws.sqs.QueueStoreWriter.Purge;
import com.bellyfed.localaws.sqs.QueueStoreWriter.PutMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.elasticmq.MessageAttribute;
import org.elasticmq.NeverReceived$;
import org.elasticmq.StringMessageAttribute;
import org.elasticmq.actor.queue.InternalMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Option;
import scala.collection.mutable.ArrayBuffer;
import scala.jdk.javaapi.CollectionConverters;

/** What the writer stores of ElasticMQ's changes, whatever order they come in, and what one bad change costs. */
class QueueStoreWriterTests {

  private static final String QUEUE = "orders";

  @TempDir Path dir;

  @Test
  void aChangeArrivingAfterTheMessagesRemovalDoesNotBringItBack() throws Exception {
    InternalMessage message = message("m-1", "late");
    List<InternalMessage> stored = write(new DeleteMessage(QUEUE, "m-1"), new PutMessage(QUEUE, message));
    assertThat(stored).isEmpty();
  }

  @Test
  void aMessageRedrivenUnderTheSameIdAfterItsRemovalIsStored() throws Exception {
    InternalMessage moved = message("m-1", "first");
    InternalMessage back = message("m-1", "back again");
    List<InternalMessage> stored = write(new PutMessage(QUEUE, moved), new DeleteMessage(QUEUE, "m-1"), new PutMessage(QUEUE, back));
    assertThat(stored).extracting(InternalMessage::content).containsExactly("back again");
  }

  @Test
  void aChangeThatCannotBeStoredCostsNoOtherChangeOfItsBatchAndEachIsAnswered() throws Exception {
    InternalMessage unwritable = new InternalMessage("m-2", new ArrayBuffer<>(), 0L, "bad", scalaMap(Map.of("a", new StringMessageAttribute(null, Option.empty()))),
        OffsetDateTime.now(), 0, NeverReceived$.MODULE$, 0, false, Option.empty(), Option.empty(), Option.empty(), Option.empty(), Option.empty());
    AtomicInteger answered = new AtomicInteger();
    List<InternalMessage> stored;
    try (QueueStore store = QueueStore.open(dir)) {
      QueueStoreWriter writer = new QueueStoreWriter(store);
      writer.submit(new PutMessage(QUEUE, message("m-1", "one")), answered::incrementAndGet);
      writer.submit(new PutMessage(QUEUE, unwritable), answered::incrementAndGet);
      writer.submit(new PutMessage(QUEUE, message("m-3", "three")), answered::incrementAndGet);
      writer.start();
      writer.close();
      stored = store.messages(QUEUE, false);
    }
    assertThat(stored).extracting(InternalMessage::content).containsExactlyInAnyOrder("one", "three");
    assertThat(answered).hasValue(3);
  }

  @Test
  void aPurgeRemovesTheMessagesCreatedBeforeItArrived() throws Exception {
    InternalMessage before = message("m-1", "before");
    Instant purged = Instant.now();
    InternalMessage after = new InternalMessage("m-2", new ArrayBuffer<>(), 0L, "after", scalaMap(Map.of()), OffsetDateTime.now().plusSeconds(1), 0,
        NeverReceived$.MODULE$, 0, false, Option.empty(), Option.empty(), Option.empty(), Option.empty(), Option.empty());
    List<InternalMessage> stored = write(new PutMessage(QUEUE, before), new PutMessage(QUEUE, after), new Purge(QUEUE, purged));
    assertThat(stored).extracting(InternalMessage::content).containsExactly("after");
  }

  @Test
  void aFifoMessageComesBackAsOneWithItsCreationToTheNanosecondAndItsBatchIndex() throws Exception {
    OffsetDateTime created = OffsetDateTime.parse("2026-12-04T10:15:30.123456789Z");
    InternalMessage fifo = new InternalMessage("m-1", new ArrayBuffer<>(), 0L, "fifo", scalaMap(Map.of()), created, 7,
        NeverReceived$.MODULE$, 0, true, Option.apply("group"), Option.empty(), Option.empty(), Option.apply("42"), Option.empty());
    InternalMessage back;
    try (QueueStore store = QueueStore.open(dir)) {
      QueueStoreWriter writer = new QueueStoreWriter(store);
      writer.submit(new PutMessage("orders.fifo", fifo), null);
      writer.start();
      writer.close();
      back = store.messages("orders.fifo", true).get(0);
    }
    assertThat(back.isFifo()).isTrue();
    assertThat(back.created().toInstant()).isEqualTo(created.toInstant());
    assertThat(back.orderIndex()).isEqualTo(7);
    assertThat(back.messageGroupId()).isEqualTo(Option.apply("group"));
    assertThat(back.sequenceNumber()).isEqualTo(Option.apply("42"));
  }

  private List<InternalMessage> write(QueueStoreWriter.Change... changes) throws Exception {
    try (QueueStore store = QueueStore.open(dir)) {
      QueueStoreWriter writer = new QueueStoreWriter(store);
      for (QueueStoreWriter.Change change : changes) {
        writer.submit(change, null);
      }
      writer.start();
      writer.close();
      return store.messages(QUEUE, false);
    }
  }

  private static InternalMessage message(String id, String body) {
    return new InternalMessage(id, new ArrayBuffer<>(), 0L, body, scalaMap(Map.of()), OffsetDateTime.now(), 0, NeverReceived$.MODULE$, 0, false,
        Option.empty(), Option.empty(), Option.empty(), Option.empty(), Option.empty());
  }

  private static scala.collection.immutable.Map<String, MessageAttribute> scalaMap(Map<String, MessageAttribute> attributes) {
    return scala.collection.immutable.Map.from(CollectionConverters.asScala(attributes));
  }
}
