package com.bellyfed.benchmarks.dynamodb;

import com.bellyfed.benchmarks.localaws.LatencySummary;
import com.bellyfed.benchmarks.localaws.LoadTools;
import com.bellyfed.benchmarks.localaws.PacedSender;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.HdrHistogram.Recorder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** GetItem latency at a fixed rate (an open loop: calls start on schedule, whatever the answers do). */
public record GetLatency(int rate, PacedSender.Result pacing, LatencySummary latency) {

  public static GetLatency measure(DynamoDbClient dynamoDb, String table, int keys, int rate, Duration duration) throws InterruptedException {
    Recorder recorder = LoadTools.recorder();
    PacedSender.Result pacing = LoadTools.paced(rate, duration, 16, Duration.ofSeconds(2), (seq, sent) -> {
      String pk = "get-" + ThreadLocalRandom.current().nextInt(keys);
      dynamoDb.getItem(request -> request.tableName(table).key(Map.of("pk", AttributeValue.fromS(pk))));
      recorder.recordValue(LoadTools.micros(System.nanoTime() - sent));
    });
    return new GetLatency(rate, pacing, LoadTools.summary(recorder.getIntervalHistogram()));
  }
}
