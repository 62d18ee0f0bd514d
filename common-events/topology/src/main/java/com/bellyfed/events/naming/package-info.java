/** Naming conventions of buses, queues, rules, tables and event types, and their validators. */
@NullMarked
package com.bellyfed.events.naming;

import org.jspecify.annotations.NullMarked;
