/** The measurements of local-aws: start-up, SendMessage through the edge and directly, PutEvents and delivery latency. */
@NullMarked
package com.bellyfed.benchmarks.localaws;

import org.jspecify.annotations.NullMarked;
