/**
 * Bellyfed's programs as real child processes of a test or benchmark: local-aws from its runnable jar and
 * the services from their Spring Boot jars, on free loopback ports, with their output in a file, killed
 * with everything they started.
 */
@NullMarked
package com.bellyfed.testing.processes;

import org.jspecify.annotations.NullMarked;
