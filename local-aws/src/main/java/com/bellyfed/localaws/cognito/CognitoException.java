package com.bellyfed.localaws.cognito;

/**
 * A Cognito API error as AWS answers it: {@code __type}, {@code message} and HTTP status (400 for
 * every client error of the user-pool API, 500 for {@code InternalErrorException}).
 */
public final class CognitoException extends RuntimeException {

  private final String type;
  private final int status;

  CognitoException(String type, String message) {
    this(type, message, 400);
  }

  CognitoException(String type, String message, int status) {
    super(message);
    this.type = type;
    this.status = status;
  }

  public String type() {
    return type;
  }

  public int status() {
    return status;
  }

  static CognitoException invalidParameter(String message) {
    return new CognitoException("InvalidParameterException", message);
  }

  static CognitoException notAuthorized(String message) {
    return new CognitoException("NotAuthorizedException", message);
  }

  static CognitoException resourceNotFound(String message) {
    return new CognitoException("ResourceNotFoundException", message);
  }

  static CognitoException userNotFound() {
    return new CognitoException("UserNotFoundException", "User does not exist.");
  }
}
