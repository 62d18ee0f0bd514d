/** Tests of request validation against AWS's documented and observed answers. */
@NullMarked
package com.bellyfed.localaws.dynamodb.requests;

import org.jspecify.annotations.NullMarked;
