/** local-aws: SQS, DynamoDB, EventBridge and Cognito user pools on loopback behind one edge endpoint, in-process or as its own process. */
@NullMarked
package com.bellyfed.localaws;

import org.jspecify.annotations.NullMarked;
