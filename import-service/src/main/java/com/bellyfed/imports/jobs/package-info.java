/** Import jobs: accepting a body, chunking it onto the import queue, writing chunks, counting and reporting progress. */
@NullMarked
package com.bellyfed.imports.jobs;

import org.jspecify.annotations.NullMarked;
