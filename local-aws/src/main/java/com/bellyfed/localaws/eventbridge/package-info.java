/** An emulator of the EventBridge API built on AWS's event-ruler matcher, delivering to SQS. */
@NullMarked
package com.bellyfed.localaws.eventbridge;

import org.jspecify.annotations.NullMarked;
