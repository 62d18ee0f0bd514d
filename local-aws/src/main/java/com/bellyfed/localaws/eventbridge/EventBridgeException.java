package com.bellyfed.localaws.eventbridge;

/** An EventBridge API error: its {@code __type}, message and HTTP status, as AWS answers it. */
final class EventBridgeException extends RuntimeException {

  private final String type;
  private final int status;

  EventBridgeException(String type, String message) {
    this(type, message, 400);
  }

  EventBridgeException(String type, String message, int status) {
    super(message);
    this.type = type;
    this.status = status;
  }

  String type() {
    return type;
  }

  int status() {
    return status;
  }

  static EventBridgeException validation(String message) {
    return new EventBridgeException("ValidationException", message);
  }

  static EventBridgeException notFound(String message) {
    return new EventBridgeException("ResourceNotFoundException", message);
  }
}
