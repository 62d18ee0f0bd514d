/** DynamoDB's data model: attribute values, their JSON and binary forms, sizes and key order. */
@NullMarked
package com.bellyfed.localaws.dynamodb.model;

import org.jspecify.annotations.NullMarked;
