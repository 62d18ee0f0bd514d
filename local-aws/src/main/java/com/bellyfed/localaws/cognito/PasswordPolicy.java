package com.bellyfed.localaws.cognito;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A pool's {@code Policies.PasswordPolicy}. Without one, Cognito applies its default: 8 characters
 * with upper case, lower case, a number and a symbol. A policy that is given requires only what it
 * names (absent booleans are false), as the API does.
 */
record PasswordPolicy(
    int minimumLength,
    boolean requireUppercase,
    boolean requireLowercase,
    boolean requireNumbers,
    boolean requireSymbols,
    int temporaryPasswordValidityDays) {

  static final PasswordPolicy DEFAULT = new PasswordPolicy(8, true, true, true, true, 7);

  // The special characters Cognito counts as symbols (developer guide, "Adding user pool password
  // requirements"), the space included.
  private static final String SYMBOLS = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+- ";

  static PasswordPolicy from(JsonNode policies) {
    JsonNode policy = policies.path("PasswordPolicy");
    if (!policy.isObject()) {
      return DEFAULT;
    }
    int minimum = policy.path("MinimumLength").asInt(8);
    if (minimum < 6 || minimum > 99) {
      throw CognitoException.invalidParameter(
          "1 validation error detected: Value '" + minimum + "' at 'policies.passwordPolicy.minimumLength'"
              + " failed to satisfy constraint: Member must have value between 6 and 99");
    }
    return new PasswordPolicy(
        minimum,
        policy.path("RequireUppercase").asBoolean(false),
        policy.path("RequireLowercase").asBoolean(false),
        policy.path("RequireNumbers").asBoolean(false),
        policy.path("RequireSymbols").asBoolean(false),
        policy.path("TemporaryPasswordValidityDays").asInt(7));
  }

  /** Throws Cognito's {@code InvalidPasswordException} naming the first rule the password breaks. */
  void check(String password) {
    if (password.length() < minimumLength) {
      throw invalid("Password not long enough");
    }
    if (requireLowercase && password.chars().noneMatch(Character::isLowerCase)) {
      throw invalid("Password must have lowercase characters");
    }
    if (requireUppercase && password.chars().noneMatch(Character::isUpperCase)) {
      throw invalid("Password must have uppercase characters");
    }
    if (requireNumbers && password.chars().noneMatch(Character::isDigit)) {
      throw invalid("Password must have numeric characters");
    }
    if (requireSymbols && password.chars().noneMatch(c -> SYMBOLS.indexOf(c) >= 0)) {
      throw invalid("Password must have symbol characters");
    }
  }

  private static CognitoException invalid(String reason) {
    return new CognitoException("InvalidPasswordException", "Password did not conform with policy: " + reason);
  }

  void writeTo(ObjectNode policies) {
    policies.putObject("PasswordPolicy")
        .put("MinimumLength", minimumLength)
        .put("RequireUppercase", requireUppercase)
        .put("RequireLowercase", requireLowercase)
        .put("RequireNumbers", requireNumbers)
        .put("RequireSymbols", requireSymbols)
        .put("TemporaryPasswordValidityDays", temporaryPasswordValidityDays);
  }
}
