/** The users item: its record, its rules and its codec. */
@NullMarked
package com.bellyfed.data.users;

import org.jspecify.annotations.NullMarked;
