package com.bellyfed.query.storage;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items of one page and the key the next page starts after.
 *
 * @param items at most the page's limit, in index order
 * @param lastKey the key to resume after; null when the listing is exhausted
 */
public record KeyedPage(List<Map<String, AttributeValue>> items, @Nullable Map<String, AttributeValue> lastKey) {}
