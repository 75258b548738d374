package parley.moderation.queue;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import parley.moderation.AuthorRef;
import parley.store.Database;

/**
 * Finds the author an imported key names ({@code email:}, {@code user:} or {@code name:} and a SHA-256). A hash cannot
 * be searched for, so a key is matched against the site's imported identities of its kind, each hashed as
 * {@link AuthorRef.Source#key()} does. A link may carry a hint, one of the author's comments, which makes that a
 * single lookup; the hint is only believed when its author's key is the key asked for, so a forged one finds nothing
 * more than the key alone would. Thread-safe; reads only.
 */
public final class ImportedAuthors {
  // comments with no live identity, as AuthorRef.Source.where() selects them; one query per kind of key
  private static final String IMPORTED = """
       FROM comments c JOIN threads t ON t.id = c.thread_id WHERE t.site_id = :site
        AND c.author_account_id IS NULL AND c.client_hash IS NULL AND c.ip_hash IS NULL""";
  private static final Map<String, String> DISTINCT = Map.of(
      "email", "SELECT DISTINCT c.author_email " + IMPORTED + " AND c.author_email IS NOT NULL",
      "user", "SELECT DISTINCT c.author_username " + IMPORTED
          + " AND c.author_email IS NULL AND c.author_username IS NOT NULL",
      "name", "SELECT DISTINCT c.author_name " + IMPORTED
          + " AND c.author_email IS NULL AND c.author_username IS NULL AND c.author_name IS NOT NULL");

  private final Database db;
  private final QueueStore queue;

  public ImportedAuthors(Database db, QueueStore queue) {
    this.db = db;
    this.queue = queue;
  }

  /**
   * The imported author with this key who wrote on the site, or empty. {@code hint}: a comment id from the link, or
   * null; a hint that names someone else (or nothing) is ignored and the key is looked up the slow way.
   */
  public Optional<AuthorRef> find(String siteId, String key, Long hint) {
    if (!AuthorRef.isImported(key)) return Optional.empty();
    if (hint != null) {
      Optional<AuthorRef> hinted = queue.find(siteId, hint).map(QueueItem::author)
          .filter(a -> a.accountId() == null && a.clientHash() == null && a.ipHash() == null)
          .filter(a -> key.equals(a.key()));
      if (hinted.isPresent()) return hinted;
    }
    return Optional.ofNullable(resolve(siteId, Set.of(key)).get(key))
        .map(value -> new AuthorRef(null, null, null, source(key, value)));
  }

  /**
   * For each key that names one of the site's imported authors, the column value it hashes (their email, username or
   * name as stored); keys that name no one are left out.
   */
  public Map<String, String> resolve(String siteId, Collection<String> keys) {
    Set<String> wanted = new HashSet<>();
    Set<String> kinds = new HashSet<>();
    for (String key : keys) {
      if (!AuthorRef.isImported(key)) continue;
      wanted.add(key);
      kinds.add(key.substring(0, key.indexOf(':')));
    }
    Map<String, String> found = new HashMap<>();
    for (String kind : kinds) {
      db.read(h -> {
        h.createQuery(DISTINCT.get(kind)).bind("site", siteId).map((rs, ctx) -> rs.getString(1))
            // stops reading once every key asked for is found
            .useStream(values -> values.takeWhile(value -> found.size() < wanted.size()).forEach(value -> {
              String key = source(kind, value).key();
              if (wanted.contains(key)) found.putIfAbsent(key, value);
            }));
        return null;
      });
    }
    return found;
  }

  /** A link's hint from its {@code c} parameter: null when absent or not an id (the key is then looked up alone). */
  public static Long hint(String c) {
    return c != null && c.matches("[0-9]{1,18}") ? Long.valueOf(c) : null;
  }

  /** The source of an imported author, from their key (or just its kind) and the column value it hashes. */
  static AuthorRef.Source source(String keyOrKind, String value) {
    int colon = keyOrKind.indexOf(':');
    return switch (colon < 0 ? keyOrKind : keyOrKind.substring(0, colon)) {
      case "email" -> new AuthorRef.Source(value, null, null);
      case "user" -> new AuthorRef.Source(null, value, null);
      case "name" -> new AuthorRef.Source(null, null, value);
      default -> throw new IllegalArgumentException(keyOrKind);
    };
  }
}
