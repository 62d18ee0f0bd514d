package com.bellyfed.events.topology;

/** An EventBridge bus. */
public record EventBusDefinition(String name, String domain) {}
