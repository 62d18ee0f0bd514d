package com.bellyfed.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/** An HTTP/1.1 answer read off a raw socket (status, headers, a Content-Length body), for requests no client sends. */
record RawResponse(int statusCode, HttpHeaders headers, String body) implements HttpResponse<String> {

  static RawResponse read(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(lines[i].substring(0, colon).trim(), List.of(lines[i].substring(colon + 1).trim()));
      }
    }
    HttpHeaders all = HttpHeaders.of(headers, (name, value) -> true);
    if (all.firstValue("Transfer-Encoding").filter("chunked"::equalsIgnoreCase).isPresent()) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      for (int size; (size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) > 0; line(in)) {
        body.write(in.readNBytes(size));
      }
      return new RawResponse(status, all, body.toString(StandardCharsets.UTF_8));
    }
    int length = all.firstValue("Content-Length").map(Integer::parseInt).orElse(-1);
    byte[] body = length >= 0 ? in.readNBytes(length) : in.readAllBytes();
    return new RawResponse(status, all, new String(body, StandardCharsets.UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b; (b = in.read()) >= 0 && b != '\n'; ) {
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }

  @Override
  public Optional<HttpResponse<String>> previousResponse() {
    return Optional.empty();
  }

  @Override
  public HttpRequest request() {
    return HttpRequest.newBuilder(URI.create("http://localhost/")).build();
  }

  @Override
  public Optional<SSLSession> sslSession() {
    return Optional.empty();
  }

  @Override
  public URI uri() {
    return URI.create("http://localhost/");
  }

  @Override
  public HttpClient.Version version() {
    return HttpClient.Version.HTTP_1_1;
  }
}
