package com.bellyfed.kit.security;

import com.bellyfed.kit.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Spring Security's firewall ({@code StrictHttpFirewall}) refusals as a 400 problem that says what was refused.
 * Its default handler sent a bare 400, which the error page answered with an empty detail. The detail is ours,
 * chosen from the exception's message, never the message itself: some of those quote the request's header
 * names and values or its method, which an attacker chose.
 */
final class ProblemRequestRejectedHandler implements RequestRejectedHandler {

  private static final Pattern MALICIOUS = Pattern.compile("potentially malicious String \"(.*)\"", Pattern.DOTALL);
  private static final String PREFIX = "The request was refused by the server's firewall: ";

  private final ProblemResponses problems;

  ProblemRequestRejectedHandler(ProblemResponses problems) {
    this.problems = problems;
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException refused) throws IOException {
    problems.write(request, response, Problems.of(HttpStatus.BAD_REQUEST, detail(refused.getMessage())), new HttpHeaders());
  }

  /** What was refused, in the kit's words; the firewall's wording may change between versions, hence a fallback. */
  static String detail(@Nullable String message) {
    String text = message == null ? "" : message;
    Matcher malicious = MALICIOUS.matcher(text);
    if (malicious.find()) {
      return PREFIX + "its URL contains " + describe(malicious.group(1)) + ".";
    }
    if (text.contains("not normalized")) {
      return PREFIX + "its path is not normalized (it holds a . or .. segment, an empty segment or a path parameter).";
    }
    if (text.contains("printable ASCII")) {
      return PREFIX + "its URL or a header holds characters other than printable ASCII.";
    }
    if (text.contains("HTTP method")) {
      return PREFIX + "its HTTP method is not one the server accepts.";
    }
    if (text.contains("header")) {
      return PREFIX + "a header name or value holds characters that are not allowed.";
    }
    if (text.contains("parameter")) {
      return PREFIX + "a parameter name or value holds characters that are not allowed.";
    }
    if (text.contains("domain") || text.contains("host")) {
      return PREFIX + "its host is not one the server accepts.";
    }
    return PREFIX + "its URL or headers hold something it does not accept.";
  }

  /** The firewall's blocklist entries, named; never echoed, so nothing odd reaches the answer. */
  private static String describe(String blocked) {
    return switch (blocked.toLowerCase(Locale.ROOT)) {
      case ";", "%3b" -> "a semicolon (;), a path parameter the services do not accept";
      case "%25" -> "an encoded percent sign (%25), a doubly encoded character";
      case "//", "%2f%2f", "%2f/", "/%2f" -> "an empty path segment (//)";
      case "%2e" -> "an encoded dot (%2E)";
      case "%2f" -> "an encoded slash (%2F)";
      case "\\", "%5c" -> "a backslash";
      case "\0", "%00" -> "a NUL character";
      case "\r", "\n", "%0d", "%0a" -> "a line break";
      case "\u2028", "\u2029" -> "a Unicode line or paragraph separator";
      case "/./", "/../", "/.", "/..", "./", "../" -> "a . or .. path segment";
      default -> "a character sequence that is not allowed";
    };
  }
}
