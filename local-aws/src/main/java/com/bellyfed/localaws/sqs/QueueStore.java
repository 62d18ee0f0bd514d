package com.bellyfed.localaws.sqs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.elasticmq.QueueData;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.elasticmq.actor.queue.InternalMessage;
import org.elasticmq.persistence.CreateQueueMetadata;
import org.elasticmq.persistence.CreateQueueMetadata$;
import org.elasticmq.persistence.QueueSorter;
import org.elasticmq.persistence.sql.DBMessage;
import org.elasticmq.persistence.sql.DBQueue;
import org.jspecify.annotations.Nullable;
import scala.Option;
import scala.collection.mutable.ArrayBuffer;
import scala.jdk.javaapi.CollectionConverters;

/**
 * ElasticMQ's queues and messages in an H2 file database, one per data directory. Rows hold what
 * ElasticMQ's own SQL persistence stores ({@link DBMessage}, {@link DBQueue}: its JSON for message
 * attributes and queue metadata), plus what that leaves out and a restore needs: the queue a
 * message is in, its creation time to the nanosecond and its index in a batch (a FIFO group's order),
 * and only the latest receipt handle, the one ElasticMQ accepts.
 *
 * <p>H2 writes committed transactions to its file half a second later, from a background thread that
 * also compacts the file. {@link #commit} writes them at once, so that a committed change survives
 * a {@code kill -9} of local-aws; H2 does not force the file to disk then, so a power loss may lose
 * recent ones. ({@code WRITE_DELAY=0} would write on commit too, but it stops that thread, and the
 * file, a new chunk per commit, grew to 800 MB in a minute of load.) {@code RETENTION_TIME} lets
 * H2 reuse the space of old chunks after a second instead of 45: the file is forced to disk before
 * power loss matters to an emulator less than its size does.
 * Not thread-safe: {@link QueueStoreWriter}'s thread is its only user once local-aws runs.
 */
final class QueueStore implements AutoCloseable {

  private final Connection connection;
  private final MVStore file;
  private final PreparedStatement putMessage;
  private final PreparedStatement deleteMessage;
  private final PreparedStatement putQueue;

  private QueueStore(Connection connection) throws SQLException {
    this.connection = connection;
    this.file = ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore().getMvStore();
    putMessage = connection.prepareStatement(
        "MERGE INTO message (queue_name, message_id, receipt, next_delivery, content, attributes, created_nanos, order_index,"
            + " received, receive_count, group_id, deduplication_id, tracing_id, sequence_number, dead_letter_source_queue_name)"
            + " KEY (queue_name, message_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    deleteMessage = connection.prepareStatement("DELETE FROM message WHERE queue_name = ? AND message_id = ?");
    putQueue = connection.prepareStatement("MERGE INTO queue (name, data) KEY (name) VALUES (?, ?)");
  }

  /** Opens, creating if need be, the database in {@code directory}. H2 keeps a second process out. */
  static QueueStore open(Path directory) throws IOException {
    Files.createDirectories(directory);
    String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("queues") + ";RETENTION_TIME=1000;DB_CLOSE_ON_EXIT=FALSE";
    try {
      Connection connection = DriverManager.getConnection(url, "sa", "");
      try (Statement schema = connection.createStatement()) {
        schema.execute("CREATE TABLE IF NOT EXISTS queue (name VARCHAR PRIMARY KEY, data VARBINARY NOT NULL)");
        schema.execute("CREATE TABLE IF NOT EXISTS message ("
            + "queue_name VARCHAR NOT NULL, message_id VARCHAR NOT NULL, receipt VARCHAR, next_delivery BIGINT NOT NULL,"
            + " content VARBINARY NOT NULL, attributes VARBINARY NOT NULL, created_nanos BIGINT NOT NULL, order_index INT NOT NULL,"
            + " received BIGINT, receive_count INT NOT NULL, group_id VARCHAR, deduplication_id VARCHAR, tracing_id VARCHAR,"
            + " sequence_number VARCHAR, dead_letter_source_queue_name VARCHAR, PRIMARY KEY (queue_name, message_id))");
      }
      connection.setAutoCommit(false);
      return new QueueStore(connection);
    } catch (SQLException e) {
      throw new IOException("Cannot open the SQS store in " + directory + ": " + e.getMessage(), e);
    }
  }

  /** The stored queues, each after the queues it refers to (its dead-letter queue), as ElasticMQ must create them. */
  List<CreateQueueMetadata> queues() throws SQLException {
    List<CreateQueueMetadata> queues = new ArrayList<>();
    try (Statement select = connection.createStatement();
        ResultSet rows = select.executeQuery("SELECT name, data FROM queue")) {
      while (rows.next()) {
        queues.add(new DBQueue(rows.getString(1), rows.getBytes(2)).toCreateQueue());
      }
    }
    connection.commit();
    return CollectionConverters.asJava(QueueSorter.sortCreateQueues(CollectionConverters.asScala(queues).toList()));
  }

  /** The stored messages of a queue, as ElasticMQ held them. */
  List<InternalMessage> messages(String queueName, boolean fifo) throws SQLException {
    List<InternalMessage> messages = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT message_id, receipt, next_delivery, content, attributes, created_nanos, order_index, received, receive_count,"
            + " group_id, deduplication_id, tracing_id, sequence_number, dead_letter_source_queue_name"
            + " FROM message WHERE queue_name = ?")) {
      select.setString(1, queueName);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          messages.add(message(rows, fifo));
        }
      }
    }
    connection.commit();
    return messages;
  }

  private static InternalMessage message(ResultSet row, boolean fifo) throws SQLException {
    long createdNanos = row.getLong(6);
    long received = row.getLong(8);
    Option<Object> firstReceive = row.wasNull() ? Option.empty() : Option.apply(received);
    InternalMessage decoded = new DBMessage(
        row.getString(1), "[]".getBytes(StandardCharsets.UTF_8), row.getLong(3), row.getBytes(4), row.getBytes(5),
        createdNanos / 1_000_000, firstReceive, row.getInt(9), option(row.getString(10)), option(row.getString(11)),
        option(row.getString(12)), option(row.getString(13)), option(row.getString(14))).toInternalMessage();
    ArrayBuffer<String> receipts = new ArrayBuffer<>();
    String receipt = row.getString(2);
    if (receipt != null) {
      receipts.addOne(receipt);
    }
    OffsetDateTime created = OffsetDateTime.ofInstant(Instant.ofEpochSecond(0, createdNanos), ZoneOffset.UTC);
    // DBMessage restores every message as a standard one in batch position 0: a FIFO group needs both to keep its order.
    return new InternalMessage(
        decoded.id(), receipts, decoded.nextDelivery(), decoded.content(), decoded.messageAttributes(), created,
        row.getInt(7), decoded.firstReceive(), decoded.receiveCount(), fifo, decoded.messageGroupId(),
        decoded.messageDeduplicationId(), decoded.tracingId(), decoded.sequenceNumber(), decoded.deadLetterSourceQueueName());
  }

  void putQueue(QueueData queue) throws SQLException {
    DBQueue row = DBQueue.from(CreateQueueMetadata$.MODULE$.from(queue));
    putQueue.setString(1, row.name());
    putQueue.setBytes(2, row.data());
    putQueue.executeUpdate();
  }

  void dropQueue(String queueName) throws SQLException {
    try (PreparedStatement drop = connection.prepareStatement("DELETE FROM queue WHERE name = ?");
        PreparedStatement messages = connection.prepareStatement("DELETE FROM message WHERE queue_name = ?")) {
      drop.setString(1, queueName);
      drop.executeUpdate();
      messages.setString(1, queueName);
      messages.executeUpdate();
    }
  }

  /**
   * Stores the message as it is now. Its queue actor may be receiving it meanwhile, on another thread: a
   * newer receive's change follows then and stores it anew.
   */
  void putMessage(String queueName, InternalMessage message) throws SQLException {
    // Without its receipts: DBMessage would write them all, and a receipt list that grows while it is read can show
    // a null (ArrayBuffer counts an element before it holds it), on which its JSON fails.
    DBMessage row = DBMessage.from(new InternalMessage(
        message.id(), new ArrayBuffer<>(), message.nextDelivery(), message.content(), message.messageAttributes(),
        message.created(), message.orderIndex(), message.firstReceive(), message.receiveCount(), message.isFifo(),
        message.messageGroupId(), message.messageDeduplicationId(), message.tracingId(), message.sequenceNumber(),
        message.deadLetterSourceQueueName()));
    putMessage.setString(1, queueName);
    putMessage.setString(2, message.id());
    putMessage.setString(3, lastReceipt(message));
    putMessage.setLong(4, row.nextDelivery());
    putMessage.setBytes(5, row.content());
    putMessage.setBytes(6, row.attributes());
    Instant created = message.created().toInstant();
    putMessage.setLong(7, created.getEpochSecond() * 1_000_000_000L + created.getNano());
    putMessage.setInt(8, message.orderIndex());
    Option<Object> received = row.received();
    if (received.isDefined()) {
      putMessage.setLong(9, (Long) received.get());
    } else {
      putMessage.setNull(9, java.sql.Types.BIGINT);
    }
    putMessage.setInt(10, row.receiveCount());
    putMessage.setString(11, row.groupId().getOrElse(() -> null));
    putMessage.setString(12, row.deduplicationId().getOrElse(() -> null));
    putMessage.setString(13, row.tracingId().getOrElse(() -> null));
    putMessage.setString(14, row.sequenceNumber().getOrElse(() -> null));
    putMessage.setString(15, row.deadLetterSourceQueueName().getOrElse(() -> null));
    putMessage.executeUpdate();
  }

  /** The newest receipt handle, the only one ElasticMQ accepts; one still being added may read as null. */
  private static @Nullable String lastReceipt(InternalMessage message) {
    scala.collection.mutable.Buffer<String> receipts = message.deliveryReceipts();
    for (int i = receipts.size() - 1; i >= 0; i--) {
      String receipt = receipts.apply(i);
      if (receipt != null) {
        return receipt;
      }
    }
    return null;
  }

  void deleteMessage(String queueName, String messageId) throws SQLException {
    deleteMessage.setString(1, queueName);
    deleteMessage.setString(2, messageId);
    deleteMessage.executeUpdate();
  }

  /** Deletes the queue's messages created up to {@code createdUpTo}: what a PurgeQueue that arrived then removed. */
  void purge(String queueName, Instant createdUpTo) throws SQLException {
    try (PreparedStatement purge = connection.prepareStatement("DELETE FROM message WHERE queue_name = ? AND created_nanos <= ?")) {
      purge.setString(1, queueName);
      purge.setLong(2, createdUpTo.getEpochSecond() * 1_000_000_000L + createdUpTo.getNano());
      purge.executeUpdate();
    }
  }

  /** Commits, and returns once the transaction is written to the file. */
  void commit() throws SQLException {
    connection.commit();
    file.commit();
  }

  void rollback() throws SQLException {
    connection.rollback();
  }

  private static Option<String> option(@Nullable String value) {
    return Option.apply(value);
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
