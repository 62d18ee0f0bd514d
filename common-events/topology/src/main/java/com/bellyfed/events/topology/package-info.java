/** The typed definition of every bus, rule, target, queue and table, and the validator that checks it. */
@NullMarked
package com.bellyfed.events.topology;

import org.jspecify.annotations.NullMarked;
