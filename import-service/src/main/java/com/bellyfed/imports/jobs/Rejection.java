package com.bellyfed.imports.jobs;

/** A record that was not imported: its line in the body (1 is the first line, the CSV header included) and why. */
public record Rejection(long line, String reason) {}
