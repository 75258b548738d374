package parley;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import parley.testing.Reply;
import parley.testing.TestServer;

/**
 * The README's HTTP API examples, run as written against a real server on a random port: each curl line is read
 * from README.md (method, headers, body, URL), so an example that stops working fails here. The README's
 * placeholders are filled from earlier answers: the comment id 9 and the edit token become those of the first POST.
 */
class ReadmeExamplesTest {
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(); // with the demo article, which the examples use
  }

  @AfterAll
  static void stop() {
    if (server != null) server.close();
  }

  /** One curl command from the README. */
  record Curl(String method, String url, List<String> headers, String body) {}

  @Test
  void theApiExamplesWorkAsWritten() throws Exception {
    List<Curl> examples = curls(section(Files.readString(Path.of("README.md")), "## HTTP API"));
    assertThat(examples).as("curl examples in README's HTTP API section").hasSize(7);

    List<Reply> replies = new ArrayList<>();
    JsonNode first = null;
    for (Curl c : examples) {
      Curl filled = first == null ? c : fill(c, first);
      Reply r = send(filled);
      assertThat(r.status()).as("%s %s answered %s", filled.method(), filled.url(), r.raw().body()).isBetween(200, 299);
      if (first == null && filled.method().equals("POST")) first = r.json();
      replies.add(r);
    }
    JsonNode ada = replies.get(0).json().path("comment");
    assertThat(ada.path("html").asText()).contains("<em>night tram</em>");
    assertThat(replies.get(1).json().path("comment").path("parentId").asLong()).isEqualTo(1);
    assertThat(replies.get(2).json().path("comments").get(0).path("id").asLong())
        .as("newest top-level comment first").isEqualTo(ada.path("id").asLong());
    assertThat(replies.get(4).json().path("comment").path("html").asText()).contains("Edited text");
    String state = server.app().database().read(h -> h.createQuery("SELECT state FROM comments WHERE id = :id")
        .bind("id", ada.path("id").asLong()).mapTo(String.class).one());
    assertThat(state).as("the DELETE example deleted the first comment").isEqualTo("deleted");
    assertThat(replies.get(6).json().toString()).contains("demo-article");
  }

  private static Curl fill(Curl c, JsonNode firstPost) {
    String id = firstPost.path("comment").path("id").asText();
    String token = firstPost.path("editToken").asText();
    String url = c.url().replace("/comments/9", "/comments/" + id);
    String body = c.body() == null ? null : c.body().replace("<token from the POST>", token);
    List<String> headers = c.headers().stream().map(h -> h.replace("<token>", token)).toList();
    return new Curl(c.method(), url, headers, body);
  }

  private static Reply send(Curl c) {
    String path = c.url().replaceFirst("^(https?://)?localhost:8080", "");
    List<String> headers = new ArrayList<>();
    String contentType = null;
    for (String h : c.headers()) {
      String name = h.substring(0, h.indexOf(':')).strip();
      String value = h.substring(h.indexOf(':') + 1).strip().replace("…", "0readme"); // "6f1c…": any client id
      if (name.equalsIgnoreCase("Content-Type")) contentType = value;
      else {
        headers.add(name);
        headers.add(value);
      }
    }
    byte[] body = c.body() == null ? null : c.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return server.send(c.method(), path, contentType, body, headers.toArray(String[]::new));
  }

  private static String section(String readme, String heading) {
    int start = readme.indexOf("\n" + heading);
    assertThat(start).as(heading + " in README").isNotNegative();
    int end = readme.indexOf("\n## ", start + 1);
    return readme.substring(start, end < 0 ? readme.length() : end);
  }

  /** The curl commands of the section's sh blocks, continuation lines joined. */
  static List<Curl> curls(String text) {
    List<Curl> found = new ArrayList<>();
    Matcher block = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL).matcher(text);
    while (block.find()) {
      for (String line : block.group(1).replace("\\\n", " ").split("\n")) {
        if (line.strip().startsWith("curl ")) found.add(parse(words(line.strip())));
      }
    }
    return found;
  }

  private static Curl parse(List<String> words) {
    String method = null;
    String url = null;
    String body = null;
    List<String> headers = new ArrayList<>();
    for (int i = 1; i < words.size(); i++) {
      switch (words.get(i)) {
        case "-s" -> { }
        case "-X" -> method = words.get(++i);
        case "-H" -> headers.add(words.get(++i));
        case "-d" -> body = words.get(++i);
        default -> {
          assertThat(words.get(i)).as("a curl option this test does not know").doesNotStartWith("-");
          url = words.get(i);
        }
      }
    }
    return new Curl(method != null ? method : body != null ? "POST" : "GET", url, headers, body);
  }

  /** Shell words: single quotes keep everything, double quotes too (the examples use no escapes). */
  private static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (char ch : line.toCharArray()) {
      if (quote != 0) {
        if (ch == quote) quote = 0;
        else word.append(ch);
      } else if (ch == '\'' || ch == '"') {
        quote = ch;
        if (word == null) word = new StringBuilder();
      } else if (Character.isWhitespace(ch)) {
        if (word != null) words.add(word.toString());
        word = null;
      } else {
        if (word == null) word = new StringBuilder();
        word.append(ch);
      }
    }
    if (word != null) words.add(word.toString());
    return words;
  }
}
