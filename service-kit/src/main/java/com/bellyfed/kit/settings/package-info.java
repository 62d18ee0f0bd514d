/** The start-up check that a service outside the local profiles has every setting it must not default. */
@NullMarked
package com.bellyfed.kit.settings;

import org.jspecify.annotations.NullMarked;
