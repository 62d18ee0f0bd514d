/** Tests of the journal: round trips, group commit, torn tails, damage, checkpoints and crashes. */
@NullMarked
package com.bellyfed.localaws.dynamodb.persistence;

import org.jspecify.annotations.NullMarked;
