package com.bellyfed.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Requests written byte for byte on a socket of their own: what no well-behaved HTTP client sends. */
public final class RawHttp {

  private RawHttp() {}

  /**
   * Sends {@code request} (ISO-8859-1, so each char is one byte) to {@code 127.0.0.1:port} and reads the answer:
   * status, headers, and a Content-Length, chunked or until-close body.
   */
  public static HttpResponse<String> send(int port, String request, Duration timeout) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout((int) timeout.toMillis());
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return RawResponse.read(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException("Raw request to port " + port + " failed", e);
    }
  }
}
