/**
 * The DynamoDB engine: tables and their secondary indexes in sorted in-memory maps of encoded items,
 * per-item locks taken in a fixed order, and the operations of the API on top of them.
 */
@NullMarked
package com.bellyfed.localaws.dynamodb.engine;

import org.jspecify.annotations.NullMarked;
