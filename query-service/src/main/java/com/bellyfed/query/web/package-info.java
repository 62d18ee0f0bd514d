/** What every endpoint shares: parameter checks that become RFC 9457 problems, and cache policies. */
@NullMarked
package com.bellyfed.query.web;

import org.jspecify.annotations.NullMarked;
