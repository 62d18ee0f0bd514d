/** DynamoDB's expression language and its legacy parameters: parsed, checked as AWS checks them, compiled once per request. */
@NullMarked
package com.bellyfed.localaws.dynamodb.expressions;

import org.jspecify.annotations.NullMarked;
