/** SQS, served by an embedded ElasticMQ. */
@NullMarked
package com.bellyfed.localaws.sqs;

import org.jspecify.annotations.NullMarked;
