/**
 * The items several services share (docs/data-model.md): per item, one record, one codec between the
 * record and its DynamoDB attribute map, and the rules a valid item keeps.
 */
@NullMarked
package com.bellyfed.data;

import org.jspecify.annotations.NullMarked;
