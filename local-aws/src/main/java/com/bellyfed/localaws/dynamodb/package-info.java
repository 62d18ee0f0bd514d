/**
 * DynamoDB, served by local-aws's own engine: the AWS JSON 1.0 protocol on the edge, the request
 * checks, the expression language, the engine and its durable log.
 */
@NullMarked
package com.bellyfed.localaws.dynamodb;

import org.jspecify.annotations.NullMarked;
