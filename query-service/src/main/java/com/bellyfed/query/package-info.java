/** The query-service: read APIs over DynamoDB. */
@NullMarked
package com.bellyfed.query;

import org.jspecify.annotations.NullMarked;
