/** The one problem-details shape (RFC 9457 and {@code errors[{field, reason}]}) and the handler answering it. */
@NullMarked
package com.bellyfed.kit.problem;

import org.jspecify.annotations.NullMarked;
