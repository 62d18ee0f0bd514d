package com.bellyfed.localaws.cognito;

import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ListUsers' {@code Filter}: {@code attribute = "value"} (exact) or {@code attribute ^= "value"}
 * (prefix), on the attributes the API lets you search
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListUsers.html).
 */
final class UserFilter {

  private static final Pattern SYNTAX = Pattern.compile("\\s*([\\w:]+)\\s*(=|\\^=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*");
  private static final Set<String> SEARCHABLE =
      Set.of("username", "email", "phone_number", "name", "given_name", "family_name", "preferred_username",
          "cognito:user_status", "status", "sub");

  private UserFilter() {}

  static Predicate<User> parse(String filter) {
    if (filter.isBlank()) {
      return user -> true;
    }
    Matcher matcher = SYNTAX.matcher(filter);
    if (!matcher.matches()) {
      throw CognitoException.invalidParameter("Error while parsing filter.");
    }
    String attribute = matcher.group(1);
    if (!SEARCHABLE.contains(attribute)) {
      throw CognitoException.invalidParameter("Invalid search attribute: " + attribute);
    }
    boolean prefix = matcher.group(2).equals("^=");
    String value = matcher.group(3).replaceAll("\\\\(.)", "$1");
    return user -> {
      String actual = switch (attribute) {
        case "username" -> user.username;
        case "cognito:user_status" -> user.status.name();
        case "status" -> user.enabled ? "Enabled" : "Disabled";
        default -> user.attributes.get(attribute);
      };
      return actual != null && (prefix ? actual.startsWith(value) : actual.equals(value));
    };
  }
}
