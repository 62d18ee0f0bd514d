/** The HTTP API of imports: start, look at, list, cancel, and follow a job's progress. */
@NullMarked
package com.bellyfed.imports.jobs.web;

import org.jspecify.annotations.NullMarked;
