/** Request validation as AWS DynamoDB does it: JSON shape, member constraints, then each operation's own rules. */
@NullMarked
package com.bellyfed.localaws.dynamodb.requests;

import org.jspecify.annotations.NullMarked;
