/** What the integration tests share: the one test configuration, real HTTP, and event taps. */
@NullMarked
package com.bellyfed.write.support;

import org.jspecify.annotations.NullMarked;
