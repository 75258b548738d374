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
}
