/** The suite benchmark: local-aws and the four services as processes, every scenario of benchmarks/REPORT.md in one run. */
@NullMarked
package com.bellyfed.benchmarks.suite;

import org.jspecify.annotations.NullMarked;
