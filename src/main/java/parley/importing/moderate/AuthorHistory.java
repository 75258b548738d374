package parley.importing.moderate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import parley.moderation.Submission;

/**
 * What the pipeline would have known about each author when a comment arrived, rebuilt from a stream of comments in
 * the order they were written: the author's earlier published comments (the trust count) and their bodies of the
 * preceding day (the duplicate check), as {@code ModerationService} reads them live. Memory: one counter per author
 * plus the comments of one day. Not thread-safe: the reading thread calls it in order.
 */
final class AuthorHistory {
  private static final long DAY_MILLIS = 24 * 3600_000L;
  private static final int RECENT = 10; // as ModerationService reads live
  private static final int SWEEP_EVERY = 10_000;

  private static final class Author {
    int published;
    final Deque<Item> recent = new ArrayDeque<>();
  }

  private final String siteId;
  private final Map<String, Author> authors = new HashMap<>();
  private long seen;

  AuthorHistory(String siteId) {
    this.siteId = siteId;
  }

  /** The submission for {@code item}, then remembers it for the author's later comments. */
  Submission next(Item item) {
    if (++seen % SWEEP_EVERY == 0) sweep(item.createdAt());
    if (item.authorKey() == null) return new Submission(siteId, item.text(), false, 0, List.of(), null, null);
    Author a = authors.computeIfAbsent(item.authorKey(), k -> new Author());
    forget(a, item.createdAt());
    List<String> recent = new ArrayList<>(a.recent.size());
    if (sameAuthorForSure(item.authorKey())) {
      a.recent.descendingIterator().forEachRemaining(i -> recent.add(i.text())); // newest first
    }
    Submission s = new Submission(siteId, item.text(), false, a.published, recent, null, null);
    a.recent.addLast(item);
    if (a.recent.size() > RECENT) a.recent.removeFirst();
    if ("published".equals(item.state())) a.published++;
    return s;
  }

  // as live: an address or a display name alone is shared by too many people to call two comments one author's
  private static boolean sameAuthorForSure(String key) {
    return !key.startsWith("ip:") && !key.startsWith("name:") && !key.equals("unknown");
  }

  private static void forget(Author a, long now) {
    while (!a.recent.isEmpty() && a.recent.peekFirst().createdAt() < now - DAY_MILLIS) a.recent.removeFirst();
  }

  // bodies older than a day can no longer count as duplicates: drop them so memory follows one day of comments
  private void sweep(long now) {
    authors.values().forEach(a -> forget(a, now));
  }
}
