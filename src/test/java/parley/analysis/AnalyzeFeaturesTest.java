package parley.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.App;

/** What a successful comments:analyze answers: several attributes, aliases, thresholds, spans, HTML, languages. */
class AnalyzeFeaturesTest {
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

  static JsonNode ok(String body) {
    var answer = server.post("analyze", body);
    assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
    return answer.body();
  }

  @Test
  void everyAttributeIsScoredUnderTheNameAsked() {
    JsonNode body = ok("""
        {"comment":{"text":"Shut up, you idiot, or I will kill you."},"requestedAttributes":{
          "TOXICITY":{},"SEVERE_TOXICITY":{},"IDENTITY_ATTACK":{},"INSULT":{},"PROFANITY":{},"THREAT":{},"SPAM":{},
          "threat_experimental":{},"INSULT_EXPERIMENTAL":{}},"clientToken":"abc-123"}""");
    JsonNode scores = body.path("attributeScores");
    assertThat(scores.fieldNames()).toIterable().containsExactly("TOXICITY", "SEVERE_TOXICITY", "IDENTITY_ATTACK",
        "INSULT", "PROFANITY", "THREAT", "SPAM", "threat_experimental", "INSULT_EXPERIMENTAL");
    scores.forEach(s -> {
      assertThat(s.at("/summaryScore/value").asDouble()).isBetween(0.0, 1.0);
      assertThat(s.at("/summaryScore/type").asText()).isEqualTo("PROBABILITY");
    });
    assertThat(scores.at("/THREAT/summaryScore/value").asDouble()).isGreaterThan(0.5);
    assertThat(scores.at("/threat_experimental/summaryScore/value").asDouble())
        .isEqualTo(scores.at("/THREAT/summaryScore/value").asDouble());
    assertThat(scores.at("/SEVERE_TOXICITY/summaryScore/value").asDouble())
        .isLessThanOrEqualTo(scores.at("/TOXICITY/summaryScore/value").asDouble());
    assertThat(body.path("clientToken").asText()).isEqualTo("abc-123");
    assertThat(body.path("languages").get(0).asText()).isEqualTo("en");
    assertThat(body.path("detectedLanguages").get(0).asText()).isEqualTo("en");
  }

  @Test
  void attributesBelowTheirThresholdAreOmitted() {
    JsonNode scores = ok("""
        {"comment":{"text":"What a lovely, well researched article about the harbour."},"requestedAttributes":{
          "TOXICITY":{"scoreThreshold":0.9},"INSULT":{},"SPAM":{"scoreThreshold":0}}}""").path("attributeScores");
    assertThat(scores.fieldNames()).toIterable().containsExactly("INSULT", "SPAM");
  }

  @Test
  void withoutSpanAnnotationsOneSpanCoversTheComment() {
    String text = "You are an idiot.";
    JsonNode spans = ok("{\"comment\":{\"text\":\"" + text + "\"},\"requestedAttributes\":{\"TOXICITY\":{}}}")
        .at("/attributeScores/TOXICITY/spanScores");
    assertThat(spans).hasSize(1);
    assertThat(spans.get(0).path("begin").asInt()).isZero();
    assertThat(spans.get(0).path("end").asInt()).isEqualTo(text.length());
  }

  @Test
  void spanAnnotationsPointAtTheWordsThatScored() {
    String text = "Honestly, you are an idiot and a fool.";
    JsonNode body = ok("{\"comment\":{\"text\":\"" + text + "\"},\"spanAnnotations\":true,"
        + "\"requestedAttributes\":{\"INSULT\":{},\"TOXICITY\":{}}}");
    List<String> insultWords = words(text, body.at("/attributeScores/INSULT/spanScores"));
    assertThat(insultWords).contains("idiot");
    body.at("/attributeScores/INSULT/spanScores").forEach(s ->
        assertThat(s.at("/score/value").asDouble()).isBetween(0.0, body.at("/attributeScores/INSULT/summaryScore/value").asDouble()));
  }

  @Test
  void htmlIsStrippedAndSpansPointIntoTheHtmlAsSent() {
    String html = "<p>Honestly, you are an <b>idiot</b> &amp; a fool.</p>";
    JsonNode body = ok("{\"comment\":{\"text\":\"" + html + "\",\"type\":\"HTML\"},\"spanAnnotations\":true,"
        + "\"requestedAttributes\":{\"INSULT\":{}}}");
    assertThat(body.at("/attributeScores/INSULT/summaryScore/value").asDouble()).isGreaterThan(0.5);
    assertThat(words(html, body.at("/attributeScores/INSULT/spanScores"))).contains("idiot");
  }

  @Test
  void markupIsNotScoredAsWords() {
    // "kill" only appears inside a tag and a script: stripped, so no threat
    JsonNode body = ok("""
        {"comment":{"text":"<a href='/kill'>Nice</a> photos of the lake.<script>kill()</script>","type":"HTML"},
         "requestedAttributes":{"THREAT":{}}}""");
    assertThat(body.at("/attributeScores/THREAT/summaryScore/value").asDouble()).isLessThan(0.5);
  }

  @Test
  void contextAndOtherPerspectiveFieldsAreAccepted() {
    ok("""
        {"comment":{"text":"I agree with the previous comment."},"context":{"entries":[{"text":"An earlier comment"}]},
         "requestedAttributes":{"TOXICITY":{"scoreType":"PROBABILITY"}},"languages":["en-US"],"doNotStore":true,
         "communityId":"news","sessionId":"s1","spanAnnotations":false}""");
  }

  @Test
  void theCurlExampleInTheDocsWorks() throws Exception {
    String doc = java.nio.file.Files.readString(Path.of("docs/perspective.md"));
    var curl = java.util.regex.Pattern.compile("curl -s \"http://localhost:8080(/v1alpha1/comments:analyze)\\?key=\\$KEY\""
        + ".*-d '(\\{.*})'").matcher(doc);
    assertThat(curl.find()).as("curl example in docs/perspective.md").isTrue();
    var answer = server.postUrl("http://127.0.0.1:" + server.app.port() + curl.group(1) + "?key=" + server.key,
        curl.group(2));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().path("clientToken").asText()).isEqualTo("try-1");
    assertThat(answer.body().at("/attributeScores/TOXICITY/summaryScore/value").asDouble()).isGreaterThan(0.5);
    assertThat(answer.body().at("/attributeScores/INSULT/spanScores").toString()).contains("\"begin\"");
  }

  @Test
  void browsersMayCallFromAnyOrigin() throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    String url = server.base() + "/comments:analyze";
    var preflight = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
        .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
        .header("Origin", "https://tools.example").header("Access-Control-Request-Method", "POST").build(),
        java.net.http.HttpResponse.BodyHandlers.discarding());
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("")).contains("X-Goog-Api-Key");
    var post = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "?key=" + server.key))
        .header("Origin", "https://tools.example").header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
            "{\"comment\":{\"text\":\"hi\"},\"requestedAttributes\":{\"TOXICITY\":{}}}")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(200);
    assertThat(post.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
  }

  private static List<String> words(String text, JsonNode spans) {
    List<String> out = new ArrayList<>();
    spans.forEach(s -> out.add(text.substring(s.path("begin").asInt(), s.path("end").asInt())));
    return out;
  }
}
