package parley.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.App;

/** Every refusal, in Google's error shape: {"error": {"code": 400, "message": "...", "status": "INVALID_ARGUMENT"}}. */
class AnalyzeErrorsTest {
  @TempDir static Path dir;
  static AnalysisServer server;

  @BeforeAll
  static void start() {
    server = new AnalysisServer(dir, App.Mode.FULL, 1000);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String analyze(String text) {
    return "{\"comment\":{\"text\":" + text + "},\"requestedAttributes\":{\"TOXICITY\":{}}}";
  }

  static void assertGoogleError(AnalysisServer.Answer answer, int code, String status, String messagePart) {
    assertThat(answer.status()).isEqualTo(code);
    JsonNode error = answer.body().path("error");
    assertThat(answer.body().size()).isEqualTo(1);
    assertThat(error.path("code").asInt()).isEqualTo(code);
    assertThat(error.path("status").asText()).isEqualTo(status);
    assertThat(error.path("message").asText()).containsIgnoringCase(messagePart);
    assertThat(error.size()).isEqualTo(3);
  }

  @Test
  void missingKeyIsPermissionDenied() {
    var answer = server.postUrl(server.base() + "/comments:analyze", analyze("\"hello\""));
    assertGoogleError(answer, 403, "PERMISSION_DENIED", "API key");
  }

  @Test
  void wrongKeyIsPermissionDenied() {
    var answer = server.postUrl(server.base() + "/comments:analyze?key=prl_nope", analyze("\"hello\""));
    assertGoogleError(answer, 403, "PERMISSION_DENIED", "API key not valid");
    var suggest = server.postUrl(server.base() + "/comments:suggestscore?key=prl_nope", "{}");
    assertGoogleError(suggest, 403, "PERMISSION_DENIED", "API key not valid");
  }

  @Test
  void revokedKeyIsPermissionDenied() {
    var keys = server.app.analysis().keys();
    ApiKey.Created other = keys.create("soon-revoked", 10);
    String url = server.base() + "/comments:analyze?key=" + other.secret();
    assertThat(server.postUrl(url, analyze("\"hello\"")).status()).isEqualTo(200);
    keys.revoke(other.key().id());
    // the key ring re-reads a cached key after KeyRing.TTL_MILLIS; a fresh ring (another instance) sees it at once
    var ring = new KeyRing(keys, java.time.Clock.systemUTC());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ring.authenticate(other.secret()))
        .isInstanceOf(GoogleError.class).hasMessageContaining("API key not valid");
  }

  @Test
  void keyInTheGoogleHeaderIsAccepted() throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    var response = http.send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(server.base() + "/comments:analyze"))
        .header("X-Goog-Api-Key", server.key).header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(analyze("\"hello\""))).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void emptyTextIsInvalid() {
    assertGoogleError(server.post("analyze", analyze("\"\"")), 400, "INVALID_ARGUMENT", "empty");
    assertGoogleError(server.post("analyze", "{\"comment\":{},\"requestedAttributes\":{\"TOXICITY\":{}}}"),
        400, "INVALID_ARGUMENT", "empty");
    assertGoogleError(server.post("analyze", "{\"requestedAttributes\":{\"TOXICITY\":{}}}"),
        400, "INVALID_ARGUMENT", "comment");
  }

  @Test
  void htmlThatIsOnlyTagsIsEmpty() {
    var answer = server.post("analyze",
        "{\"comment\":{\"text\":\"<p><br/></p>\",\"type\":\"HTML\"},\"requestedAttributes\":{\"TOXICITY\":{}}}");
    assertGoogleError(answer, 400, "INVALID_ARGUMENT", "empty");
  }

  @Test
  void textOverTheLimitIsInvalidAndTheLimitItselfIsFine() {
    String atLimit = "a".repeat(AnalyzeRequest.MAX_TEXT_CHARS);
    assertThat(server.post("analyze", analyze("\"" + atLimit + "\"")).status()).isEqualTo(200);
    assertGoogleError(server.post("analyze", analyze("\"" + atLimit + "b\"")), 400, "INVALID_ARGUMENT", "too long");
    // characters, not bytes: 20,480 emoji (81,920 UTF-8 bytes) are within the limit
    String emoji = "\uD83D\uDE00".repeat(AnalyzeRequest.MAX_TEXT_CHARS);
    assertThat(server.post("analyze", analyze("\"" + emoji + "\"")).status()).isEqualTo(200);
  }

  @Test
  void malformedBodiesAreInvalid() {
    assertGoogleError(server.post("analyze", "{\"comment\":"), 400, "INVALID_ARGUMENT", "JSON");
    assertGoogleError(server.post("analyze", "[1,2]"), 400, "INVALID_ARGUMENT", "JSON object");
    assertGoogleError(server.post("analyze", ""), 400, "INVALID_ARGUMENT", "empty");
    assertGoogleError(server.post("analyze", "{\"comment\":{\"text\":5},\"requestedAttributes\":{\"TOXICITY\":{}}}"),
        400, "INVALID_ARGUMENT", "comment.text");
    assertGoogleError(server.post("analyze", "{\"comment\":{\"text\":\"hi\",\"type\":\"MARKDOWN\"},"
        + "\"requestedAttributes\":{\"TOXICITY\":{}}}"), 400, "INVALID_ARGUMENT", "comment.type");
    assertGoogleError(server.post("analyze", "{\"comment\":{\"text\":\"hi\"},\"doNotStore\":\"yes\","
        + "\"requestedAttributes\":{\"TOXICITY\":{}}}"), 400, "INVALID_ARGUMENT", "doNotStore");
  }

  @Test
  void attributesAreRequiredAndChecked() {
    assertGoogleError(server.post("analyze", "{\"comment\":{\"text\":\"hi\"}}"), 400, "INVALID_ARGUMENT",
        "requestedAttributes");
    assertGoogleError(server.post("analyze", "{\"comment\":{\"text\":\"hi\"},\"requestedAttributes\":{}}"),
        400, "INVALID_ARGUMENT", "requestedAttributes");
    assertGoogleError(server.post("analyze", "{\"comment\":{\"text\":\"hi\"},"
        + "\"requestedAttributes\":{\"TOXICITY\":{\"scoreThreshold\":1.5}}}"), 400, "INVALID_ARGUMENT", "scoreThreshold");
    assertGoogleError(server.post("analyze", "{\"comment\":{\"text\":\"hi\"},"
        + "\"requestedAttributes\":{\"TOXICITY\":{\"scoreType\":\"STD_DEV_SCORE\"}}}"), 400, "INVALID_ARGUMENT", "type");
  }

  @Test
  void unknownAttributeIsInvalidUnlessDropped() {
    String body = "{\"comment\":{\"text\":\"hi there\"},\"requestedAttributes\":{\"TOXICITY\":{},\"FLIRTATION\":{}}";
    assertGoogleError(server.post("analyze", body + "}"), 400, "INVALID_ARGUMENT", "FLIRTATION");
    var dropped = server.post("analyze", body + ",\"dropUnsupportedAttributes\":true}");
    assertThat(dropped.status()).isEqualTo(200);
    assertThat(dropped.body().path("attributeScores").fieldNames()).toIterable().containsExactly("TOXICITY");
  }

  @Test
  void unsupportedDeclaredLanguageIsInvalidUnlessDropped() {
    String body = "{\"comment\":{\"text\":\"Bonjour à tous\"},\"requestedAttributes\":{\"TOXICITY\":{}},"
        + "\"languages\":[\"fr\"]";
    assertGoogleError(server.post("analyze", body + "}"), 400, "INVALID_ARGUMENT", "does not support request languages: fr");
    var dropped = server.post("analyze", body + ",\"dropUnsupportedAttributes\":true}");
    assertThat(dropped.status()).isEqualTo(200);
    assertThat(dropped.body().path("attributeScores").isEmpty()).isTrue();
    assertThat(dropped.body().path("languages").get(0).asText()).isEqualTo("fr");
  }

  @Test
  void unsupportedDetectedLanguageIsInvalidUnlessDropped() {
    String german = "Das ist der beste Artikel, den ich seit langem gelesen habe, und ich danke Ihnen sehr für die Arbeit.";
    String body = "{\"comment\":{\"text\":\"" + german + "\"},\"requestedAttributes\":{\"TOXICITY\":{}}";
    assertGoogleError(server.post("analyze", body + "}"), 400, "INVALID_ARGUMENT", "does not support request languages: de");
    var dropped = server.post("analyze", body + ",\"dropUnsupportedAttributes\":true}");
    assertThat(dropped.status()).isEqualTo(200);
    assertThat(dropped.body().path("attributeScores").isEmpty()).isTrue();
    assertThat(dropped.body().path("detectedLanguages").get(0).asText()).isEqualTo("de");
  }

  @Test
  void otherPathsUnderTheApiAreNotFoundInGoogleShape() {
    assertGoogleError(server.post("translate", analyze("\"hi\"")), 404, "NOT_FOUND", "comments:analyze");
  }

  @Test
  void aMissingModelIsUnavailableAndAFailingOneInternal(@org.junit.jupiter.api.io.TempDir Path other) {
    var config = parley.ParleyConfig.defaults().withPort(0).withDataDir(other).withDemo(false);
    try (var app = App.start(config, App.Mode.ANALYSIS_ONLY, parley.classify.Classifier.OFF, parley.classify.Stage.FAST)) {
      String key = app.analysis().keys().create("k", 10).secret();
      var answer = server.postUrl("http://127.0.0.1:" + app.port() + "/v1alpha1/comments:analyze?key=" + key,
          analyze("\"hello\""));
      assertGoogleError(answer, 503, "UNAVAILABLE", "model");
    }
    parley.classify.Classifier failing = text -> {
      throw new IllegalStateException("boom");
    };
    try (var app = App.start(config, App.Mode.ANALYSIS_ONLY, failing, parley.classify.Stage.FAST)) {
      String key = app.analysis().keys().create("k2", 10).secret();
      var answer = server.postUrl("http://127.0.0.1:" + app.port() + "/v1alpha1/comments:analyze?key=" + key,
          analyze("\"hello\""));
      assertGoogleError(answer, 500, "INTERNAL", "internal");
    }
  }

  @Test
  void suggestScoreChecksItsScores() {
    String comment = "\"comment\":{\"text\":\"hello\"}";
    assertGoogleError(server.post("suggestscore", "{" + comment + "}"), 400, "INVALID_ARGUMENT", "attributeScores");
    assertGoogleError(server.post("suggestscore", "{" + comment + ",\"attributeScores\":{\"TOXICITY\":{}}}"),
        400, "INVALID_ARGUMENT", "summaryScore.value");
    assertGoogleError(server.post("suggestscore", "{" + comment
        + ",\"attributeScores\":{\"NOPE\":{\"summaryScore\":{\"value\":1}}}}"), 400, "INVALID_ARGUMENT", "NOPE");
    assertGoogleError(server.post("suggestscore",
        "{\"comment\":{\"text\":\"\"},\"attributeScores\":{\"TOXICITY\":{\"summaryScore\":{\"value\":1}}}}"),
        400, "INVALID_ARGUMENT", "empty");
  }
}
