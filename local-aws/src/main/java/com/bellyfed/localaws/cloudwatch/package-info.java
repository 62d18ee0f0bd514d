/**
 * CloudWatch's PutMetricData over Smithy RPC v2 CBOR, kept in memory and shown at {@code
 * /_local-aws/cloudwatch/metrics}, so that a test sees the meters a service publishes with their names and
 * dimensions.
 */
@NullMarked
package com.bellyfed.localaws.cloudwatch;

import org.jspecify.annotations.NullMarked;
