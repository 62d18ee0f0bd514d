/** The import-service benchmark: end-to-end import through the service beside a raw BatchWriteItem loop. */
@NullMarked
package com.bellyfed.benchmarks.imports;

import org.jspecify.annotations.NullMarked;
