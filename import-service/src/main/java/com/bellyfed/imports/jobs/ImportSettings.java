package com.bellyfed.imports.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of imports, under {@code bellyfed.imports}. The attempts and waits of a BatchWriteItem
 * call are {@code resilience4j.retry.instances.batchwrite}, those of a chunk's SendMessageBatch
 * {@code resilience4j.retry.instances.chunksend}.
 *
 * @param maxLineSize the longest line (one record); a longer one is rejected with its line number
 * @param chunkMaxSize the largest chunk message body, well under SQS's 256 KB so a batch holds several
 * @param chunkMaxRecords the most records in one chunk
 * @param listenerConcurrency chunks handled at once by one instance
 * @param writers BatchWriteItem calls in flight for one chunk
 * @param keptRejections rejections kept in the job (all are counted)
 * @param progressInterval the least time between two progress events of one job
 * @param streamInterval how often a progress stream looks for changes
 * @param streamTimeout how long a progress stream stays open at most
 */
@ConfigurationProperties("bellyfed.imports")
public record ImportSettings(
    @DefaultValue("64KB") DataSize maxLineSize,
    @DefaultValue("96KB") DataSize chunkMaxSize,
    @DefaultValue("250") int chunkMaxRecords,
    @DefaultValue("4") int listenerConcurrency,
    @DefaultValue("4") int writers,
    @DefaultValue("1000") int keptRejections,
    @DefaultValue("1s") Duration progressInterval,
    @DefaultValue("300ms") Duration streamInterval,
    @DefaultValue("30m") Duration streamTimeout) {}
