package com.bellyfed.localaws.dynamodb.engine;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import com.bellyfed.localaws.dynamodb.model.ItemCodec;
import com.bellyfed.localaws.dynamodb.model.Sizes;
import com.bellyfed.localaws.dynamodb.model.Value;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tables of one local-aws, shared by every account and region that signs requests, as services
 * and tools each sign with their own. Changes to the catalogue are serialised (they are rare); item
 * writes lock only their items, and every change is appended to the {@link WriteLog}.
 */
public final class Database implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Database.class);
  private static final int SNAPSHOT_CHUNK = 512;
  private static final Pattern TABLE_ARN = Pattern.compile("arn:aws[a-z-]*:dynamodb:[^:]*:[^:]*:table/([^/]+)");

  private final ConcurrentHashMap<String, Table> tables = new ConcurrentHashMap<>();
  private final Object catalogue = new Object();
  final Locks locks = new Locks();
  private final String region;
  private final String account;
  private volatile WriteLog writeLog = WriteLog.NONE;
  private final Clock clock;
  private final ScheduledExecutorService background;

  /**
   * @param ttlSweep how often expired items are looked for and deleted
   */
  public Database(String region, String account, Clock clock, Duration ttlSweep) {
    this.region = region;
    this.account = account;
    this.clock = clock;
    this.background =
        Executors.newScheduledThreadPool(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, "dynamodb-background");
              thread.setDaemon(true);
              return thread;
            });
    long sweepMillis = Math.max(10, ttlSweep.toMillis());
    background.scheduleWithFixedDelay(this::sweepExpired, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
  }

  /** From now on every change goes to {@code writeLog}; set once, after recovery. */
  public void writeLog(WriteLog newLog) {
    this.writeLog = newLog;
  }

  Clock clock() {
    return clock;
  }

  Instant now() {
    return clock.instant();
  }

  String tableArn(String name) {
    return "arn:aws:dynamodb:" + region + ":" + account + ":table/" + name;
  }

  String region() {
    return region;
  }

  String account() {
    return account;
  }

  // ---- catalogue

  /**
   * The table's name in a request's TableName, which may be the table's ARN instead (2024). The tables
   * are shared by every account and region that signs requests, so an ARN names its table whatever
   * region and account it carries.
   */
  static String tableName(String nameOrArn) {
    Matcher arn = TABLE_ARN.matcher(nameOrArn);
    return arn.matches() ? arn.group(1) : nameOrArn;
  }

  /** The table named, by name or ARN. */
  Optional<Table> find(String nameOrArn) {
    return Optional.ofNullable(tables.get(tableName(nameOrArn)));
  }

  /** The table named by name or ARN, or AWS's ResourceNotFoundException for item operations. */
  Table table(String nameOrArn) {
    Table table = tables.get(tableName(nameOrArn));
    if (table == null) {
      throw DynamoDbException.resourceNotFound("Requested resource not found");
    }
    return table;
  }

  List<String> tableNames() {
    List<String> names = new ArrayList<>(tables.keySet());
    names.sort(null);
    return names;
  }

  int tableCount() {
    return tables.size();
  }

  Table create(TableMeta meta) {
    synchronized (catalogue) {
      if (tables.containsKey(meta.name())) {
        throw DynamoDbException.resourceInUse("Table already exists: " + meta.name());
      }
      Table table = new Table(meta);
      awaitLater(writeLog.append(LogRecords.table(meta)));
      tables.put(meta.name(), table);
      return table;
    }
  }

  void drop(Table table) {
    synchronized (catalogue) {
      tables.remove(table.meta().name(), table);
      awaitLater(writeLog.append(LogRecords.drop(table.meta().id(), table.meta().name())));
    }
  }

  /** Records a table's new declaration; the caller has changed the table accordingly. */
  void declare(Table table, TableMeta meta) {
    synchronized (catalogue) {
      table.meta(meta);
      awaitLater(writeLog.append(LogRecords.table(meta)));
    }
  }

  private void awaitLater(long ticket) {
    // Catalogue changes are few: wait for them at once, outside no lock but the catalogue's.
    writeLog.awaitDurable(ticket);
  }

  // ---- item writes

  /** Logs the after-images of writes just applied under their items' locks; returns the ticket to wait for. */
  long logWrites(List<LogRecords.ItemImage> images) {
    WriteLog log = writeLog;
    // In memory there is no log: don't encode a record nobody reads.
    return log == WriteLog.NONE ? -1 : log.append(LogRecords.writes(images));
  }

  void awaitDurable(long ticket) {
    writeLog.awaitDurable(ticket);
  }

  // ---- background work

  /** Fills a new index from the table's items, then marks it ACTIVE and the table ACTIVE again. */
  void backfill(Table table, IndexStore index) {
    background.execute(() -> {
      try {
        for (byte[] key : table.items.keySet()) {
          int stripe = locks.stripe(table.meta().id(), key);
          locks.lock(stripe);
          try {
            byte[] current = table.items.get(key);
            if (current != null) {
              index.update(null, ItemCodec.decode(current), current);
            }
          } finally {
            locks.unlock(stripe);
          }
        }
        index.activate();
        table.status(Table.Status.ACTIVE);
      } catch (RuntimeException e) {
        log.error("Backfilling index {} of table {} failed", index.meta().name(), table.meta().name(), e);
      }
    });
  }

  /** Indexes every item's expiry after TTL was enabled. */
  void indexExpiries(Table table) {
    background.execute(() -> {
      String attribute = table.meta().ttlAttribute();
      if (attribute == null) {
        return;
      }
      for (Map.Entry<byte[], byte[]> entry : table.items.entrySet()) {
        Long expiry = Ttl.expiry(ItemCodec.attribute(entry.getValue(), attribute));
        if (expiry != null) {
          table.expiries.add(new Table.Expiry(expiry, entry.getKey()));
        }
      }
    });
  }

  /** Deletes the items whose TTL passed, each under its lock, re-checked against its current value. */
  void sweepExpired() {
    try {
      Instant now = now();
      for (Table table : tables.values()) {
        String attribute = table.meta().ttlAttribute();
        if (attribute == null || table.expiries.isEmpty()) {
          continue;
        }
        Iterator<Table.Expiry> due = table.expiries.iterator();
        while (due.hasNext()) {
          Table.Expiry expiry = due.next();
          if (expiry.at() > now.getEpochSecond()) {
            break;
          }
          due.remove();
          if (Ttl.expired(expiry.at(), now)) {
            deleteIfExpired(table, expiry.key(), attribute, now);
          }
        }
      }
    } catch (RuntimeException e) {
      log.warn("TTL sweep failed", e);
    }
  }

  private void deleteIfExpired(Table table, byte[] key, String attribute, Instant now) {
    int stripe = locks.stripe(table.meta().id(), key);
    long ticket;
    locks.lock(stripe);
    try {
      byte[] current = table.items.get(key);
      if (current == null) {
        return;
      }
      Map<String, Value> item = ItemCodec.decode(current);
      Long expiry = Ttl.expiry(item.get(attribute));
      if (expiry == null || !Ttl.expired(expiry, now) || !attribute.equals(table.meta().ttlAttribute())) {
        return;
      }
      table.write(key, item, Sizes.item(item), null, null, 0);
      ticket = logWrites(List.of(new LogRecords.ItemImage(table.meta().id(), key, null)));
    } finally {
      locks.unlock(stripe);
    }
    writeLog.awaitDurable(ticket);
  }

  // ---- recovery and snapshots

  /** Applies one log record during recovery, before any request is served. */
  public void replay(byte[] record) {
    switch (LogRecords.type(record)) {
      case LogRecords.TABLE -> {
        TableMeta meta = LogRecords.readTable(record);
        Table existing = tables.get(meta.name());
        if (existing != null && existing.meta().id().equals(meta.id())) {
          existing.meta(meta);
          existing.resetIndexes();
        } else {
          tables.put(meta.name(), new Table(meta));
        }
      }
      case LogRecords.DROP -> {
        String[] dropped = LogRecords.readDrop(record);
        Table existing = tables.get(dropped[1]);
        if (existing != null && existing.meta().id().equals(dropped[0])) {
          tables.remove(dropped[1]);
        }
      }
      case LogRecords.WRITES -> {
        for (LogRecords.ItemImage image : LogRecords.readWrites(record)) {
          Table table = byId(image.tableId());
          if (table == null) {
            continue;
          }
          if (image.item() == null) {
            table.items.remove(image.key());
          } else {
            table.items.put(image.key(), image.item());
          }
        }
      }
      default -> throw new IllegalStateException("Unknown log record type " + LogRecords.type(record));
    }
  }

  /** After replay: rebuilds every index, count and expiry from the items, which is all the log keeps. */
  public void finishRecovery() {
    for (Table table : tables.values()) {
      table.rebuild();
    }
  }

  private @Nullable Table byId(String id) {
    for (Table table : tables.values()) {
      if (table.meta().id().equals(id)) {
        return table;
      }
    }
    return null;
  }

  /**
   * Streams the whole state as log records: each table's declaration, then its items in chunks.
   * Writers apply a change before they append its record, both under the item's lock; the barrier
   * at the end waits for every change the walk may have seen to be appended, so that a snapshot
   * never holds part of a transaction whose record is not in the log.
   */
  public void snapshot(Consumer<byte[]> out) {
    for (Table table : List.copyOf(tables.values())) {
      TableMeta meta = table.meta();
      out.accept(LogRecords.table(meta));
      List<LogRecords.ItemImage> chunk = new ArrayList<>(SNAPSHOT_CHUNK);
      for (Map.Entry<byte[], byte[]> entry : table.items.entrySet()) {
        chunk.add(new LogRecords.ItemImage(meta.id(), entry.getKey(), entry.getValue()));
        if (chunk.size() == SNAPSHOT_CHUNK) {
          out.accept(LogRecords.writes(chunk));
          chunk.clear();
        }
      }
      if (!chunk.isEmpty()) {
        out.accept(LogRecords.writes(chunk));
      }
    }
    synchronized (catalogue) {
      locks.barrier();
    }
  }

  @Override
  public void close() {
    background.shutdownNow();
  }
}
