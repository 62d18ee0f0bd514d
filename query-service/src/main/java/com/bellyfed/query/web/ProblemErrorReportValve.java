package com.bellyfed.query.web;

import com.bellyfed.kit.problem.ProblemTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

/**
 * Tomcat's own error answers as problems: requests Tomcat refuses before any filter runs (an encoded
 * slash, backslash or NUL in the path, bytes a header may not hold) were answered with its HTML page.
 * Only where nothing was written yet, so every answer of the application keeps its own body. Tomcat
 * makes it by name ({@code StandardHost.errorReportValveClass}), hence public with a public constructor.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    HttpStatusCode code = HttpStatusCode.valueOf(status);
    HttpStatus known = HttpStatus.resolve(status);
    String title = known == null ? "Error" : known.getReasonPhrase();
    // Nothing of the request is echoed: Tomcat refused it because it could not be read safely.
    String body = "{\"type\":\"" + ProblemTypes.of(code) + "\",\"title\":\"" + title + "\",\"status\":" + status
        + ",\"detail\":\"The request was refused before it reached the service: its path or headers hold characters "
        + "that are not allowed (encoded / or \\\\, NUL, bytes outside the header character set).\"}";
    try {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getReporter().write(body);
      response.finishResponse();
    } catch (IOException | IllegalStateException ignored) {
      // The client is gone or the response is committed: nothing more can be said.
    }
  }
}
