package parley.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import parley.App;
import parley.ParleyConfig;
import parley.classify.Classifier;
import parley.classify.Models;
import parley.classify.Stage;
import parley.kit.Json;

/** A real Parley on port 0 with a fresh SQLite (or the given database) and one API key, for analysis tests. */
final class AnalysisServer implements AutoCloseable {
  final App app;
  final String key;
  final ApiKey apiKey;
  private final HttpClient http = HttpClient.newHttpClient();

  record Answer(int status, JsonNode body) {}

  AnalysisServer(Path dataDir, App.Mode mode, int qps) {
    this(ParleyConfig.defaults().withPort(0).withDataDir(dataDir).withDemo(false), mode, qps);
  }

  AnalysisServer(ParleyConfig config, App.Mode mode, int qps) {
    app = App.start(config, mode, classifier(), Stage.FAST);
    ApiKey.Created created = app.analysis().keys().create("test", qps);
    key = created.secret();
    apiKey = created.key();
  }

  private static Classifier shared;

  /** The shipped model (or the folder named by -Dparley.test.model), loaded once for all test servers. */
  static synchronized Classifier classifier() {
    if (shared == null) {
      try {
        String dir = System.getProperty("parley.test.model");
        shared = dir != null ? Models.load(Path.of(dir)) : Models.loadDefault();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("the analysis tests need the committed model", e);
      }
    }
    return shared;
  }

  String base() {
    return "http://127.0.0.1:" + app.port() + "/v1alpha1";
  }

  Answer post(String operation, String json) {
    return postUrl(base() + "/comments:" + operation + "?key=" + key, json);
  }

  Answer postUrl(String url, String json) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body = response.body().isEmpty() ? null : Json.MAPPER.readTree(response.body());
      return new Answer(response.statusCode(), body);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    app.close();
  }
}
