/** The import-queue listener, which hands chunks to the processor through common-events' reliable consumption. */
@NullMarked
package com.bellyfed.imports.jobs.messaging;

import org.jspecify.annotations.NullMarked;
