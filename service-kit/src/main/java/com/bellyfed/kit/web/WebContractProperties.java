package com.bellyfed.kit.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The limits and answers of a service's HTTP API, under {@code bellyfed.web}; each service sets its
 * own (import's upload limit is far above the others').
 *
 * @param maxBodySize the largest request body accepted; a larger one gets 413, a chunked one as
 *     soon as it passes the limit, so no service buffers more than this
 * @param maxHeaderSize the largest total of request header lines (names, values, separators)
 *     accepted; a larger one gets 431. Keep it below {@code server.max-http-request-header-size},
 *     the container's own hard limit, which answers without our problem shape
 * @param retryAfter the {@code Retry-After} of a 503 whose cause knows no better wait
 * @param maxQueryLength the longest query string read (its characters, which are its bytes as the container
 *     hands it over); a longer one gets 414. The header budget by default: room for a 10,000-digit number
 *     to be refused by name
 * @param maxParameters the most query parameters read; more get 400 (the endpoints read at most seven;
 *     Tomcat's own count fails with an exception, not an answer)
 */
@ConfigurationProperties("bellyfed.web")
public record WebContractProperties(
    @DefaultValue("64KB") DataSize maxBodySize,
    @DefaultValue("16KB") DataSize maxHeaderSize,
    @DefaultValue("5s") Duration retryAfter,
    @DefaultValue("16KB") DataSize maxQueryLength,
    @DefaultValue("50") int maxParameters) {}
