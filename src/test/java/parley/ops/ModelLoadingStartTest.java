package parley.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import parley.classify.Classifier;
import parley.moderation.ClassifierLoader;
import parley.testing.Reply;
import parley.testing.TestServer;

/**
 * `parley serve` reads the model in the background: the server answers (live, thread reads) while it loads, is
 * ready only once it has loaded, and a comment posted meanwhile waits for it and is scored, not waved through.
 */
class ModelLoadingStartTest {

  @Test
  void theServerAnswersWhileTheModelLoadsAndIsReadyOnlyAfter() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Classifier loading = ClassifierLoader.inBackground(() -> {
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return ClassifierLoader.loadDefault();
    });
    try (TestServer server = TestServer.start(c -> c, loading)) {
      assertThat(loading.loaded()).isFalse();
      assertThat(server.get("/health/live").status()).isEqualTo(200);
      assertThat(server.get("/api/v1/threads?site=demo&page=demo-article").status()).isEqualTo(200);
      Reply notYet = server.get("/health/ready");
      assertThat(notYet.status()).isEqualTo(503);
      assertThat(notYet.json().path("checks").path("model").asText()).isEqualTo("failing");

      release.countDown();
      Reply posted = server.postJson("/api/v1/comments",
          "{\"site\":\"demo\",\"page\":\"loading\",\"author\":\"Ada\",\"body\":\"You are a pathetic, disgusting idiot.\"}");
      assertThat(posted.status()).isEqualTo(201);
      assertThat(posted.json().path("comment").path("state").asText()).isNotEqualTo("published");
      assertThat(loading.loaded()).isTrue();
      assertThat(server.get("/health/ready").status()).isEqualTo(200);
    } finally {
      release.countDown();
      loading.close();
    }
  }

  @Test
  void aModelThatFailsToLoadFailsTheCallersNotTheStart() {
    Classifier broken = ClassifierLoader.inBackground(() -> {
      throw new IllegalStateException("model file truncated");
    });
    try (TestServer server = TestServer.start(c -> c, broken)) {
      assertThat(server.get("/health/live").status()).isEqualTo(200);
      assertThat(server.get("/health/ready").status()).isEqualTo(503);
    }
  }

  @Test
  void theReadBeginsOnlyOnceTheServerListens() throws Exception {
    var listening = new java.util.concurrent.CompletableFuture<Void>();
    var read = new java.util.concurrent.atomic.AtomicBoolean();
    Classifier later = ClassifierLoader.inBackground(() -> {
      read.set(true);
      return Classifier.OFF;
    }, listening);
    Thread.sleep(300); // the read would have run by now: the loader's thread starts at once
    assertThat(read).isFalse();
    assertThat(later.loaded()).isFalse();
    listening.complete(null);
    assertThat(later.off()).isTrue(); // waits for the read
    assertThat(read).isTrue();
  }
}
