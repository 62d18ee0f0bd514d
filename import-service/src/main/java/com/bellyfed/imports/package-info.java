/** The import-service: bulk import through the import queue. */
@NullMarked
package com.bellyfed.imports;

import org.jspecify.annotations.NullMarked;
