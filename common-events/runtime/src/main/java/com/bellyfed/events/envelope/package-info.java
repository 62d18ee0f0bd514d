/** The event envelope of DESIGN.md §3, its JSON form, and the correlation context it copies ids from. */
@NullMarked
package com.bellyfed.events.envelope;

import org.jspecify.annotations.NullMarked;
