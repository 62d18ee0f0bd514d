/** How every write commits: entity and outbox rows in one DynamoDB transaction, then the relay's fast path; the client errors writes end with. */
@NullMarked
package com.bellyfed.write.writing;

import org.jspecify.annotations.NullMarked;
