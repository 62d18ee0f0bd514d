/** Load for local-aws's DynamoDB engine: transactions, batch writes, reads, durability and memory. */
@NullMarked
package com.bellyfed.benchmarks.dynamodb;

import org.jspecify.annotations.NullMarked;
