/**
 * A durable journal for the DynamoDB engine: an append-only, checksummed log written by group
 * commit, fuzzy snapshots that compact it, and crash recovery; records are opaque bytes.
 */
@NullMarked
package com.bellyfed.localaws.dynamodb.persistence;

import org.jspecify.annotations.NullMarked;
