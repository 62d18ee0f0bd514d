/** The shared event library: naming rules, the topology of buses, rules, queues and tables, and its provisioner. */
@NullMarked
package com.bellyfed.events;

import org.jspecify.annotations.NullMarked;
