/** A JUnit 5 extension that starts one local-aws per JVM for tests. */
@NullMarked
package com.bellyfed.localaws.junit;

import org.jspecify.annotations.NullMarked;
