package parley.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import parley.kit.Json;

/** A response from a test server, with its body parsed as JSON (null when empty or not JSON). */
public record Reply(int status, JsonNode json, HttpResponse<String> raw) {
  public String error() {
    return json == null ? null : json.path("error").path("code").asText(null);
  }

  public String cookie(String name) {
    return raw.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
        .findFirst().orElse(null);
  }

  /** Sends the request; an HTML page or plain text leaves {@code json} null and tests read {@code raw}. */
  public static Reply exchange(HttpClient http, HttpRequest request) {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode json = null;
      try {
        json = r.body().isEmpty() ? null : Json.MAPPER.readTree(r.body());
      } catch (IOException notJson) {
        // not JSON: tests look at raw()
      }
      return new Reply(r.statusCode(), json, r);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
