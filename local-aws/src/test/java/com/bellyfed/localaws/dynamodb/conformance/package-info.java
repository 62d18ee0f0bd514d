/**
 * The DynamoDB conformance suite: AWS's documented behaviour, one class per operation or theme,
 * each expectation citing the documentation page it comes from. It runs unchanged against AWS.
 */
@NullMarked
package com.bellyfed.localaws.dynamodb.conformance;

import org.jspecify.annotations.NullMarked;
