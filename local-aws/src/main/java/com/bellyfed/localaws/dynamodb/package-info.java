/** DynamoDB, served by an embedded DynamoDB Local. */
@NullMarked
package com.bellyfed.localaws.dynamodb;

import org.jspecify.annotations.NullMarked;
