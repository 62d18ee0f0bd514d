/** Unit tests of the expression compiler, each group citing the AWS documentation its expectations come from. */
@NullMarked
package com.bellyfed.localaws.dynamodb.expressions;

import org.jspecify.annotations.NullMarked;
