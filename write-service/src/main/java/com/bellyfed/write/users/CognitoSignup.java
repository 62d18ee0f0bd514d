package com.bellyfed.write.users;

import tools.jackson.databind.JsonNode;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a Cognito post-confirmation trigger says about a new user: the payload Cognito hands to the
 * trigger Lambda, which forwards it unchanged as the {@code detail} of a {@code PostConfirmation}
 * event on the auth bus (docs/write-service.md).
 *
 * @param sub the user's stable id in the pool; it becomes the userId
 * @param userPoolId the pool, when the payload names it
 */
public record CognitoSignup(String sub, String email, String userName, @Nullable String userPoolId) {

  /** Confirmation of a new sign-up; {@code PostConfirmation_ConfirmForgotPassword} also fires the trigger, for existing users. */
  public static final String SIGN_UP = "PostConfirmation_ConfirmSignUp";
  public static final String FORGOT_PASSWORD = "PostConfirmation_ConfirmForgotPassword";

  private static final Pattern SUB = Pattern.compile("[A-Za-z0-9-_]{1,128}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");

  /**
   * Reads the trigger payload.
   *
   * @return null for a trigger that is not a sign-up (a password reset), which needs no user
   * @throws IllegalArgumentException naming what is missing or malformed
   */
  public static @Nullable CognitoSignup parse(JsonNode detail) {
    if (!detail.isObject()) {
      throw new IllegalArgumentException("the detail is not a JSON object");
    }
    String trigger = detail.path("triggerSource").asString("");
    if (trigger.equals(FORGOT_PASSWORD)) {
      return null;
    }
    if (!trigger.equals(SIGN_UP)) {
      throw new IllegalArgumentException("triggerSource must be " + SIGN_UP + ", was '" + trigger + "'");
    }
    JsonNode attributes = detail.path("request").path("userAttributes");
    String sub = attributes.path("sub").asString("");
    if (!SUB.matcher(sub).matches()) {
      throw new IllegalArgumentException("request.userAttributes.sub is missing or not an id");
    }
    String email = attributes.path("email").asString("");
    if (!EMAIL.matcher(email).matches()) {
      throw new IllegalArgumentException("request.userAttributes.email is missing or not an email address");
    }
    String userName = detail.path("userName").asString("");
    if (userName.isBlank() || userName.length() > 128) {
      throw new IllegalArgumentException("userName is missing or longer than 128 characters");
    }
    String pool = detail.path("userPoolId").asString("");
    return new CognitoSignup(sub, email, userName, pool.isBlank() ? null : pool);
  }
}
