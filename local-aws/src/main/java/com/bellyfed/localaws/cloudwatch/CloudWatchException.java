package com.bellyfed.localaws.cloudwatch;

/** An error CloudWatch answers, by its query-protocol code (the one the SDK shows as the error code). */
final class CloudWatchException extends RuntimeException {

  private final String code;
  private final String shape;
  private final int status;

  CloudWatchException(String code, String shape, int status, String message) {
    super(message);
    this.code = code;
    this.shape = shape;
    this.status = status;
  }

  static CloudWatchException invalidValue(String message) {
    return new CloudWatchException("InvalidParameterValue", "InvalidParameterValueException", 400, message);
  }

  static CloudWatchException missing(String parameter) {
    return new CloudWatchException("MissingParameter", "MissingRequiredParameterException", 400,
        "The parameter " + parameter + " is required.");
  }

  static CloudWatchException combination(String message) {
    return new CloudWatchException("InvalidParameterCombination", "InvalidParameterCombinationException", 400, message);
  }

  String code() {
    return code;
  }

  String shape() {
    return shape;
  }

  int status() {
    return status;
  }
}
