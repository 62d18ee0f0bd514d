/** The Spring Cloud AWS side of reliable consumption: @SqsListener methods hand their messages to the ReliableConsumer here. */
@NullMarked
package com.bellyfed.events.listener;

import org.jspecify.annotations.NullMarked;
