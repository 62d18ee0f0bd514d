/** The web contract every service's OpenAPI document states: problem responses, the paging envelope. */
@NullMarked
package com.bellyfed.kit.openapi;

import org.jspecify.annotations.NullMarked;
