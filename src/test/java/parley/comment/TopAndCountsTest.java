package parley.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import parley.comment.ArrivalCheck.Decision;
import parley.comment.CommentService.PostRequest;
import parley.site.SiteService;
import parley.site.SiteStore;
import parley.store.Database;
import parley.testing.MutableClock;
import parley.testing.TestDatabases;
import parley.store.Dialect;
import parley.testing.TestDatabases.TestDb;
import parley.thread.ThreadStore;

/**
 * Pages in every sort and published counts give exactly what the queries before the sort=top index and the kept
 * counters gave (copied here verbatim as the reference), on a thread with varied votes, score and time ties, held,
 * rejected and deleted comments, and comments moved between threads.
 */
class TopAndCountsTest {
  /**
   * The page query as it was: no leading bound, so every top-level comment was scanned and sorted. Its visibility rule
   * is today's (session 26: a held or rejected comment with a published reply stays as a placeholder).
   */
  private static final String OLD_TOP_LEVEL = """
      SELECT id, score, created_at FROM comments WHERE thread_id = :thread AND parent_id IS NULL AND
      (state IN ('published', 'deleted') OR (state IN ('pending', 'rejected') AND client_hash = :me)
       OR (state IN ('pending', 'rejected') AND EXISTS (SELECT 1 FROM comments r WHERE r.thread_id = comments.thread_id
           AND r.root_id = comments.id AND r.id <> comments.id AND r.state = 'published')))%s ORDER BY %s
      LIMIT :limit""";
  /** The count query as it was: every published comment of the thread counted on each request. */
  private static final String OLD_COUNTS = """
      SELECT t.page_key AS page_key, COUNT(c.id) AS n FROM threads t
      LEFT JOIN comments c ON c.thread_id = t.id AND c.state = 'published'
      WHERE t.site_id = :site GROUP BY t.page_key""";

  private TestDb testDb;
  private Database db;
  private CommentService service;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  @AfterEach
  void close() {
    if (db != null) db.close();
    if (testDb != null) testDb.close();
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void everySortPagesAsTheOldQueryDidAndCountsMatchACount(Dialect kind) {
    open(kind);
    CommentStore store = new CommentStore(db);
    Random random = new Random(13);
    List<Comment> top = new ArrayList<>();
    for (int i = 0; i < 90; i++) {
      if (i % 4 != 0) clock.advance(Duration.ofSeconds(1)); // every fourth shares its time with the one before
      String client = "author-" + (i % 9);
      Comment c = post("big", null, i % 11 == 0 ? "hold me " + i : "Comment " + i, client);
      top.add(c);
      if (i % 3 == 0) post("big", c.id(), "Reply to " + i, "replier-" + i);
      if (i % 13 == 0) post("small", null, "Elsewhere " + i, client);
    }
    for (Comment c : top) {
      if (c.state() != CommentState.PUBLISHED) continue;
      int voters = random.nextInt(7);   // scores from -6 to 6, many ties
      for (int v = 0; v < voters; v++) {
        service.vote(c.id(), "voter-" + v, random.nextBoolean() ? 1L : -1L);
      }
    }
    store.setState(top.get(5).id(), CommentState.DELETED);
    store.setState(top.get(7).id(), CommentState.REJECTED);
    store.setState(top.get(11).id(), CommentState.PUBLISHED);   // held, then approved
    long small = service.thread("s", "small", Sort.OLDEST, null, 1, null).thread().id();
    // an import that re-homes comments moves them between threads
    db.write(h -> h.createUpdate("UPDATE comments SET thread_id = :to WHERE id IN (:a, :b)")
        .bind("to", small).bind("a", top.get(20).id()).bind("b", top.get(21).id()).execute());

    long thread = service.thread("s", "big", Sort.OLDEST, null, 1, null).thread().id();
    assertThat(service.thread("s", "big", Sort.TOP, null, 90, null).comments().stream().map(CommentView::score))
        .as("varied votes").contains(-2, 0, 2).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    for (Sort sort : Sort.values()) {
      for (String reader : new String[] {null, "author-0", "author-7"}) {
        assertThat(newPages(store, thread, sort, reader)).as(sort + " for " + reader).isEqualTo(oldPages(thread, sort, reader))
            .hasSizeGreaterThan(5);
      }
    }
    Map<String, Integer> expected = oldCounts();
    assertThat(service.counts("s", List.of("big", "small"))).isEqualTo(expected);
    assertThat(service.thread("s", "big", Sort.TOP, null, 5, null).commentCount()).isEqualTo(expected.get("big"));
    assertThat(service.threadInfo(small).commentCount()).isEqualTo(expected.get("small"));
  }

  private void open(Dialect kind) {
    testDb = TestDatabases.create(kind);
    db = Database.open(testDb.url());
    SiteService sites = new SiteService(new SiteStore(db, clock), clock);
    sites.upsert("s", "Site", List.of());
    ArrivalCheck holdOnRequest = a -> a.body().startsWith("hold me")
        ? new Decision(CommentState.PENDING, "{}", "[\"test rule\"]") : Decision.publish();
    service = new CommentService(db, sites, new ThreadStore(db), new CommentStore(db), holdOnRequest,
        Duration.ofMinutes(15), 10_000, clock);
  }

  private Comment post(String page, Long parent, String body, String client) {
    return service.post(new PostRequest("s", page, null, null, parent, "Ann", null, body, client)).comment();
  }

  /** Top-level ids page by page as the page query gives them now (the service asks for one more than it shows). */
  private List<List<Long>> newPages(CommentStore store, long thread, Sort sort, String reader) {
    String me = reader == null ? null : parley.kit.Tokens.sha256(reader);
    List<List<Long>> pages = new ArrayList<>();
    Cursor cursor = null;
    while (true) {
      List<Comment> rows = store.topLevel(thread, sort, cursor, 8, me);
      List<Comment> shown = rows.subList(0, Math.min(7, rows.size()));
      pages.add(shown.stream().map(Comment::id).toList());
      if (rows.size() <= 7) return pages;
      cursor = Cursor.after(shown.get(6));
    }
  }

  /** The same walk with the old statement and the same cursor rule. */
  private List<List<Long>> oldPages(long thread, Sort sort, String reader) {
    String after = switch (sort) {
      case OLDEST -> " AND (created_at > :c OR (created_at = :c AND id > :i))";
      case NEWEST -> " AND (created_at < :c OR (created_at = :c AND id < :i))";
      case TOP -> " AND (score < :s OR (score = :s AND (created_at > :c OR (created_at = :c AND id > :i))))";
    };
    String order = switch (sort) {
      case OLDEST -> "created_at, id";
      case NEWEST -> "created_at DESC, id DESC";
      case TOP -> "score DESC, created_at, id";
    };
    String me = reader == null ? null : parley.kit.Tokens.sha256(reader);
    List<List<Long>> pages = new ArrayList<>();
    long[] cursor = null;
    while (true) {
      long[] from = cursor;
      List<long[]> rows = db.read(h -> h.createQuery(OLD_TOP_LEVEL.formatted(from == null ? "" : after, order))
          .bind("thread", thread).bind("me", me).bind("limit", 8)
          .bind("s", from == null ? 0 : from[0]).bind("c", from == null ? 0 : from[1]).bind("i", from == null ? 0 : from[2])
          .map((rs, ctx) -> new long[] {rs.getInt("score"), rs.getLong("created_at"), rs.getLong("id")})
          .list());
      List<long[]> shown = rows.subList(0, Math.min(7, rows.size()));
      pages.add(shown.stream().map(r -> r[2]).toList());
      if (rows.size() <= 7) return pages;
      cursor = shown.get(6);
    }
  }

  private Map<String, Integer> oldCounts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    db.read(h -> h.createQuery(OLD_COUNTS).bind("site", "s")
        .map((rs, ctx) -> Map.entry(rs.getString("page_key"), rs.getInt("n"))).list())
        .forEach(e -> counts.put(e.getKey(), e.getValue()));
    return counts;
  }
}
