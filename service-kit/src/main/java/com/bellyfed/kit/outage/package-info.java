/** The one rule that tells a dependency's outage from a request it rightly refused. */
@NullMarked
package com.bellyfed.kit.outage;

import org.jspecify.annotations.NullMarked;
