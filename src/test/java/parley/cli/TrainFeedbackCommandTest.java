package parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.auth.Role;
import parley.classify.Adaptation;
import parley.classify.Category;
import parley.classify.Classifier;
import parley.classify.Models;
import parley.store.Dialect;
import parley.testing.CliRun;
import parley.testing.KeywordClassifier;
import parley.testing.ModerationServer;
import parley.testing.ModerationServer.As;

/**
 * {@code parley train --feedback} on a publisher's machine, without the datasets: the moderators' approvals and
 * rejections in the dashboard adapt the shipped model into a folder that {@code parley serve --model} loads.
 */
class TrainFeedbackCommandTest {
  static final String S = "/api/v1/sites/" + ModerationServer.SITE;
  @TempDir Path out;

  @Test
  void dashboardVerdictsAdaptTheShippedModel() throws Exception {
    try (ModerationServer server = ModerationServer.on(Dialect.SQLITE, new KeywordClassifier())) {
      As mod = server.staff("trainer@example.org", Role.MODERATOR);
      assertThat(CliRun.of("train", "--feedback", "--database-url", server.databaseUrl(), "--out", out.toString()).stderr())
          .contains("no verdicts to learn from");
      List<String> orgs = List.of("oil lobby", "city council", "mining company", "teachers union", "ruling party",
          "developers", "school board", "health ministry", "transit authority", "chamber of commerce", "port authority",
          "water board");
      for (String org : orgs) {
        // published by the stand-in classifier, taken down by a moderator
        long shill = post(server, "Another paid shill from the " + org + ", who is paying you?");
        act(server, mod, shill, "reject");
        // held by the stand-in classifier ("idiot"), approved by a moderator
        long blunt = post(server, "What an idiotic decision by the " + org + ", garbage from start to end.");
        act(server, mod, blunt, "approve");
      }

      CliRun r = CliRun.of("train", "--feedback", "--database-url", server.databaseUrl(), "--out", out.toString());
      assertThat(r.code()).as(r.stderr()).isZero();
      assertThat(r.stderr()).contains("feedback: 24 verdicts (24 from the dashboard", "toxic: adapted on 24 verdicts",
          "./parley serve --model " + out);
    }
    assertThat(out.resolve(Adaptation.FILE)).exists();
    assertThat(Files.readString(out.resolve("model-card.md"))).contains("## Adapted to this newsroom's verdicts",
        "| toxic | 24 | 12 | yes");
    try (Classifier adapted = Models.load(out); Classifier shipped = Models.loadDefault()) {
      String unseen = "Yet another airline shill posting talking points.";
      // two dozen verdicts move a comment they never saw only a little (FeedbackAdaptationTest: how far more go)
      assertThat(adapted.classify(unseen).score(Category.TOXIC))
          .isGreaterThan(shipped.classify(unseen).score(Category.TOXIC) + 0.03);
    }
  }

  @Test
  void withoutDataOrFeedbackTheCommandSaysWhatItNeeds() {
    CliRun r = CliRun.of("train", "--out", out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.stderr()).contains("--data is required", "--feedback");
  }

  static long post(ModerationServer server, String body) {
    var r = server.comment(As.reader("train-" + body.hashCode()), "train-feedback", body);
    return r.json().path("comment").path("id").asLong();
  }

  static void act(ModerationServer server, As mod, long id, String action) {
    assertThat(server.send(mod, "POST", S + "/comments/" + id + "/" + action, null).status()).isEqualTo(200);
  }
}
