package com.bellyfed.kit.web;

import com.bellyfed.kit.problem.ProblemTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

/**
 * Tomcat's own error answers as problems: requests Tomcat refuses before any filter runs (an encoded
 * slash, backslash or NUL in the path, bytes a header may not hold, a header over the connector's limit)
 * were answered with its HTML page, which also names the server and its version. Only where nothing was
 * written yet, so every answer of the application keeps its own body. Tomcat makes it by name
 * ({@code StandardHost.errorReportValveClass}), hence public with a public constructor.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  static final String REFUSED = "The request was refused before it reached the service: its path or headers hold characters "
      + "that are not allowed (an encoded / or \\\\, NUL, bytes outside the header character set).";
  static final String TOO_LARGE = "The request was refused before it reached the service: its request line or headers are "
      + "larger than the server reads.";

  /** RFC 3986's path characters (percent escapes left encoded), none of which JSON escapes. */
  private static final Pattern SAFE_PATH = Pattern.compile("/[A-Za-z0-9\\-._~%!$&'()*+,;=:@/]{0,2047}");

  public ProblemErrorReportValve() {
    // Nothing below writes them; off all the same, should Tomcat's own report ever be reached.
    setShowServerInfo(false);
    setShowReport(false);
  }

  @Override
  protected void report(Request request, Response response, @Nullable Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    HttpStatusCode code = HttpStatusCode.valueOf(status);
    HttpStatus known = HttpStatus.resolve(status);
    String title = known == null ? "Error" : known.getReasonPhrase();
    // Of the request only its path, as the client percent-encoded it, and only when it holds nothing JSON or a
    // reader would need escaped: Tomcat refused it because it could not be read safely.
    String body = "{\"type\":\"" + ProblemTypes.of(code) + "\",\"title\":\"" + title + "\",\"status\":" + status
        + detail(status, throwable) + instance(request.getRequestURI()) + "}";
    try {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getReporter().write(body);
      response.finishResponse();
    } catch (IOException | IllegalStateException ignored) {
      // The client is gone or the response is committed: nothing more can be said.
    }
  }

  private static String instance(@Nullable String path) {
    return path != null && SAFE_PATH.matcher(path).matches() ? ",\"instance\":\"" + path + "\"" : "";
  }

  private static String detail(int status, @Nullable Throwable failure) {
    // Tomcat answers a header over its limit with a bare 400; its parse failure says why.
    boolean tooLarge = failure != null && failure.getMessage() != null && failure.getMessage().contains("too large");
    if (status == 400 && !tooLarge) {
      return ",\"detail\":\"" + REFUSED + "\"";
    }
    if (tooLarge || status == 413 || status == 414 || status == 431) {
      return ",\"detail\":\"" + TOO_LARGE + "\"";
    }
    return "";
  }
}
