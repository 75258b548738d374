package parley.moderation.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import parley.auth.Role;
import parley.classify.Category;
import parley.store.Dialect;
import parley.testing.KeywordClassifier;
import parley.testing.ModerationServer;
import parley.testing.ModerationServer.As;

/**
 * The dashboard's approvals and rejections, read back as labelled comments for {@code parley train --feedback}: the
 * latest verdict per comment counts, undone ones do not, and a rejection is labelled with the categories it was held
 * for. On SQLite and PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModeratorVerdictsFlowTest {
  static final String S = "/api/v1/sites/" + ModerationServer.SITE;
  @Parameter
  Dialect dialect;
  ModerationServer server;
  As mod;

  @BeforeParameterizedClassInvocation
  void start() {
    server = ModerationServer.on(dialect, new KeywordClassifier());
    mod = server.staff("verdicts@example.org", Role.MODERATOR);
  }

  @AfterParameterizedClassInvocation
  void stop() {
    if (server != null) server.close();
  }

  long held(String body) {
    var r = server.comment(As.reader("verdicts-" + body.hashCode()), "verdicts", body);
    assertThat(r.json().path("comment").path("state").asText()).isEqualTo("pending");
    return r.json().path("comment").path("id").asLong();
  }

  void act(long id, String action) {
    assertThat(server.send(mod, "POST", S + "/comments/" + id + "/" + action, null).status()).isEqualTo(200);
  }

  @Test
  void latestVerdictsPerCommentWithTheirCategories() {
    long approved = held("Calling that plan idiotic is fair, the idiot clause is real");
    long rejected = held("You moron, nobody asked");
    long rejectedThenApproved = held("I hope someone will hurt the idiot who wrote this");
    long undone = held("What a moron take");
    act(approved, "approve");
    act(rejected, "reject");
    act(rejectedThenApproved, "reject");
    act(rejectedThenApproved, "approve");
    act(undone, "reject");
    long undoId = server.send(mod, "GET", S + "/audit", null).json().path("entries").get(0).path("id").asLong();
    assertThat(server.send(mod, "POST", S + "/audit/" + undoId + "/undo", null).status()).isEqualTo(204);

    Map<Long, ModeratorVerdicts.Verdict> byId = new java.util.HashMap<>();
    for (var v : ModeratorVerdicts.read(server.app().database())) byId.put(v.commentId(), v);

    assertThat(byId).containsKeys(approved, rejected, rejectedThenApproved).doesNotContainKey(undone);
    assertThat(byId.get(approved).approved()).isTrue();
    assertThat(byId.get(approved).labels()).hasSize(Category.values().length).allSatisfy((c, v) -> assertThat(v).isZero());
    assertThat(byId.get(approved).text()).isEqualTo("Calling that plan idiotic is fair, the idiot clause is real");
    // held for insult by the stand-in classifier: the rejection says insult, and nothing about the rest
    assertThat(byId.get(rejected).approved()).isFalse();
    assertThat(byId.get(rejected).labels()).isEqualTo(Map.of(Category.INSULT, 1));
    assertThat(byId.get(rejectedThenApproved).approved()).isTrue();
    assertThat(byId.get(rejected).siteId()).isEqualTo(ModerationServer.SITE);
  }

  @Test
  void aRejectionWithoutAClassifierReasonCountsAsToxic() {
    // published, then taken down by a moderator: no score reason on it
    var r = server.comment(As.reader("verdicts-plain"), "verdicts-plain", "Everyone here is clueless, as usual");
    long id = r.json().path("comment").path("id").asLong();
    assertThat(r.json().path("comment").path("state").asText()).isEqualTo("published");
    act(id, "reject");
    List<ModeratorVerdicts.Verdict> verdicts = ModeratorVerdicts.read(server.app().database());
    assertThat(verdicts).filteredOn(v -> v.commentId() == id).singleElement()
        .satisfies(v -> assertThat(v.labels()).isEqualTo(Map.of(Category.TOXIC, 1)));
  }
}
