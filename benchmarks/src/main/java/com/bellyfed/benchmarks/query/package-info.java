/** The query-service benchmark: GET by id and city+cuisine search against raw SDK calls on the same data. */
@NullMarked
package com.bellyfed.benchmarks.query;

import org.jspecify.annotations.NullMarked;
