package dev.statewire.examples.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Reads a request body of bounded size: an action's form fields, at most a few bytes. */
final class RequestBody {
  private RequestBody() {}

  /**
   * The body's form fields ({@code application/x-www-form-urlencoded}).
   *
   * @throws HttpError 413 if the body is longer than {@code maxBytes}, 400 if it is not a form
   */
  static Map<String, String> form(HttpExchange exchange, int maxBytes) throws IOException {
    String body = text(exchange, maxBytes);
    Map<String, String> fields = new HashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        fields.put(decode(name), decode(value));
      } catch (IllegalArgumentException badEscape) {
        throw new HttpError(400, "the body is not a form (name=value&...): " + badEscape.getMessage());
      }
    }
    return fields;
  }

  private static String text(HttpExchange exchange, int maxBytes) throws IOException {
    if (declaredLength(exchange) > maxBytes) {
      throw tooLarge(maxBytes); // refused before reading a byte of it
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    InputStream in = exchange.getRequestBody();
    byte[] chunk = new byte[1024];
    for (int n; (n = in.read(chunk)) >= 0; ) {
      body.write(chunk, 0, n);
      if (body.size() > maxBytes) {
        throw tooLarge(maxBytes);
      }
    }
    return body.toString(StandardCharsets.UTF_8);
  }

  /** The Content-Length header (the server has checked it is a number), or -1. */
  private static long declaredLength(HttpExchange exchange) {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    try {
      return declared == null ? -1 : Long.parseLong(declared.trim());
    } catch (NumberFormatException chunked) {
      return -1;
    }
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static HttpError tooLarge(int maxBytes) {
    return new HttpError(413, "an action's body is at most " + maxBytes
        + " bytes (a form such as value=10)");
  }
}
