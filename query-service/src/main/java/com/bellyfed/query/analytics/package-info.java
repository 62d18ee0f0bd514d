/** The QUERY analytics event of every API request, emitted after its response was written. */
@NullMarked
package com.bellyfed.query.analytics;

import org.jspecify.annotations.NullMarked;
