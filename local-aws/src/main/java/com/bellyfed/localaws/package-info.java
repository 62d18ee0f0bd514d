/** local-aws: SQS, DynamoDB and EventBridge on loopback behind one edge endpoint, in-process or as its own process. */
@NullMarked
package com.bellyfed.localaws;

import org.jspecify.annotations.NullMarked;
