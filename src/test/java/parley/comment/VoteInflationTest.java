package parley.comment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import parley.testing.KeywordClassifier;
import parley.testing.ModerationServer;
import parley.testing.ModerationServer.As;
import parley.testing.Reply;
import parley.testing.Staff;
import parley.web.TrustedProxies;

/** Votes through a real server behind a trusted proxy: one address cannot decide sort=top with fresh client ids. */
class VoteInflationTest {
  @Test
  void aThousandAnonymousUpVotesFromOneAddressCountTwiceAndSignedInVotesCountFully() {
    try (ModerationServer s = ModerationServer.start(c -> c.withTrustedProxies(TrustedProxies.parse("127.0.0.1, ::1")),
        new KeywordClassifier())) {
      long id = s.comment(As.reader("author"), "votes", "Vote for the night tram.").json().path("comment").path("id")
          .asLong();
      int ok = 0;
      int limited = 0;
      for (int i = 0; i < 1_000; i++) {
        Reply r = s.send(new As("X-Parley-Client", "fresh-" + i, "X-Forwarded-For", "203.0.113.7"), "POST",
            "/api/v1/comments/" + id + "/vote", "{\"value\":1}");
        if (r.status() == 200) ok++;
        if (r.status() == 429) limited++;
      }
      assertThat(ok).isEqualTo(CommentStore.ANON_VOTES_PER_ADDRESS_AND_THREAD);
      assertThat(limited).isEqualTo(1_000 - ok);
      assertThat(score(s, id)).isEqualTo(CommentStore.ANON_VOTES_COUNTED_PER_ADDRESS);

      // readers at other addresses count, as does each signed-in reader at the flooding address
      for (int i = 0; i < 3; i++) {
        s.send(new As("X-Parley-Client", "other-" + i, "X-Forwarded-For", "198.51.100." + (i + 1)), "POST",
            "/api/v1/comments/" + id + "/vote", "{\"value\":1}");
      }
      for (int i = 0; i < 3; i++) {
        Staff.reader(s.app(), "voter" + i + "@example.org");
        As signedIn = s.login("voter" + i + "@example.org", Staff.PASSWORD);
        String[] h = signedIn.headers();
        Reply r = s.send(new As(h[0], h[1], h[2], h[3], "X-Forwarded-For", "203.0.113.7"), "POST",
            "/api/v1/comments/" + id + "/vote", "{\"value\":1}");
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        assertThat(s.send(new As(h[0], h[1], h[2], h[3], "X-Parley-Client", "another-browser"), "POST",
            "/api/v1/comments/" + id + "/vote", "{\"value\":1}").error()).isEqualTo("ALREADY_VOTED");
      }
      assertThat(score(s, id)).isEqualTo(CommentStore.ANON_VOTES_COUNTED_PER_ADDRESS + 3 + 3);
    }
  }

  private static int score(ModerationServer s, long id) {
    return s.app().database().read(h -> h.createQuery("SELECT score FROM comments WHERE id = :id").bind("id", id)
        .mapTo(Integer.class).one());
  }
}
