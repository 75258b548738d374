package parley.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The keys an author is named by in links: live ones parse back, imported ones are recognised but not parsed. */
class AuthorRefTest {
  @Test
  void importedKeysAreTheOnesASourceBuilds() {
    for (var source : new AuthorRef.Source[] {new AuthorRef.Source(" Bob@Example.org ", "bobby", "Bob"),
        new AuthorRef.Source(null, "bobby", "Bob"), new AuthorRef.Source("", " ", "Bob")}) {
      String key = new AuthorRef(null, null, null, source).key();
      assertThat(AuthorRef.isImported(key)).as(key).isTrue();
      assertThat(AuthorRef.fromKey(key)).isEmpty();
    }
    assertThat(new AuthorRef.Source(" Bob@Example.org ", null, null).key())
        .isEqualTo(new AuthorRef.Source("bob@example.org", null, null).key());
    assertThat(AuthorRef.isImported("email:abc")).isFalse();
    assertThat(AuthorRef.isImported("email:" + "A".repeat(64))).isFalse();
    assertThat(AuthorRef.isImported("client:" + "a".repeat(64))).isFalse();
    assertThat(AuthorRef.isImported(null)).isFalse();
    assertThat(AuthorRef.isImported("account:12")).isFalse();
    assertThat(AuthorRef.fromKey("account:12")).isPresent();
  }

  /**
   * Each kind of imported author is found through an index, whatever the size of the archive (before V82 a username
   * alone read every comment: 5–17 s for a million on SQLite), with or without the planner's statistics.
   */
  @Test
  void everyKindOfImportedAuthorIsFoundThroughAnIndex() {
    try (var file = parley.testing.TestDatabases.sqlite(); var db = parley.store.Database.open(file.url())) {
      for (var source : new AuthorRef.Source[] {new AuthorRef.Source("bob@example.org", null, null),
          new AuthorRef.Source(null, "bobby", null), new AuthorRef.Source(null, null, "Bob")}) {
        String plan = db.read(h -> String.join("\n", h.createQuery("EXPLAIN QUERY PLAN SELECT c.id FROM comments c "
                + "JOIN threads t ON t.id = c.thread_id WHERE t.site_id = 's' AND " + source.where()
                + " ORDER BY c.id DESC LIMIT 20").bind("email", "bob@example.org").bind("username", "bobby")
            .bind("name", "Bob").map((rs, ctx) -> rs.getString("detail")).list()));
        assertThat(plan).as(source.toString()).containsAnyOf("comments_author_email", "comments_author_username",
            "comments_author_name").doesNotContain("SCAN");
      }
    }
  }
}
