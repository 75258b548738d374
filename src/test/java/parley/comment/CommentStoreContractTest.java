package parley.comment;

import parley.testing.BothDatabases;
import parley.store.Dialect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import parley.comment.ArrivalCheck.Decision;
import parley.comment.CommentService.PostRequest;
import parley.comment.CommentService.ThreadPage;
import parley.site.SiteService;
import parley.site.SiteStore;
import parley.store.Database;
import parley.testing.MutableClock;
import parley.testing.TestDatabases;
import parley.testing.TestDatabases.TestDb;
import parley.thread.ThreadStore;
import parley.kit.ApiException;
import parley.kit.ErrorCode;

/** The same contract on SQLite and PostgreSQL: nesting, order, pages, votes, states, counts, edits. */
class CommentStoreContractTest {
  private TestDb testDb;
  private Database db;
  private CommentService service;
  private CommentStore store;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  /** Holds comments that say "hold me", so state rules are testable without the classifier. */
  private static final ArrivalCheck HOLD_ON_REQUEST = a -> a.body().contains("hold me")
      ? new Decision(CommentState.PENDING, "{\"toxic\":0.9}", "[\"test rule\"]")
      : Decision.publish();

  private void open(Dialect kind) {
    testDb = TestDatabases.create(kind);
    db = Database.open(testDb.url());
    SiteService sites = new SiteService(new SiteStore(db, java.time.Clock.systemUTC()), java.time.Clock.systemUTC());
    sites.upsert("s", "Site", List.of("https://news.example"));
    sites.upsert("other", "Other", List.of());
    store = new CommentStore(db);
    service = new CommentService(db, sites, new ThreadStore(db), store, HOLD_ON_REQUEST, Duration.ofMinutes(15),
        10_000, clock);
  }

  @AfterEach
  void close() {
    if (db != null) db.close();
    if (testDb != null) testDb.close();
  }

  private Comment post(String page, Long parent, String body, String client) {
    clock.advance(Duration.ofSeconds(1)); // distinct, increasing times make the order deterministic
    return service.post(new PostRequest("s", page, null, null, parent, "Ann", null, body, client)).comment();
  }

  private ThreadPage read(String page, Sort sort, String cursor, int limit, String client) {
    return service.thread("s", page, sort, cursor, limit, client);
  }

  @BothDatabases
  void repliesNestUnderTheirParentsWithDepthAndRoot(Dialect kind) {
    open(kind);
    Comment a = post("p", null, "top", "c1");
    Comment b = post("p", a.id(), "reply", "c2");
    Comment c = post("p", b.id(), "reply to reply", "c1");
    Comment d = post("p", a.id(), "second reply", "c3");

    assertThat(c.depth()).isEqualTo(2);
    assertThat(c.rootId()).isEqualTo(a.id());
    List<CommentView> tree = read("p", Sort.OLDEST, null, 10, null).comments();
    assertThat(tree).extracting(CommentView::id).containsExactly(a.id());
    assertThat(tree.get(0).replies()).extracting(CommentView::id).containsExactly(b.id(), d.id());
    assertThat(tree.get(0).replies().get(0).replies()).extracting(CommentView::id).containsExactly(c.id());
  }

  @BothDatabases
  void sortsTopLevelByOldestNewestAndTop(Dialect kind) {
    open(kind);
    Comment first = post("p", null, "one", null);
    Comment second = post("p", null, "two", null);
    Comment third = post("p", null, "three", null);
    service.vote(second.id(), "v1", 1L);
    service.vote(second.id(), "v2", 1L);
    service.vote(third.id(), "v1", 1L);
    service.vote(first.id(), "v1", -1L);

    assertThat(ids(read("p", Sort.OLDEST, null, 10, null))).containsExactly(first.id(), second.id(), third.id());
    assertThat(ids(read("p", Sort.NEWEST, null, 10, null))).containsExactly(third.id(), second.id(), first.id());
    assertThat(ids(read("p", Sort.TOP, null, 10, null))).containsExactly(second.id(), third.id(), first.id());
  }

  @BothDatabases
  void pagesCoverEveryTopLevelCommentOnceInEverySort(Dialect kind) {
    open(kind);
    List<Long> posted = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      Comment c = post("p", null, "comment " + i, null);
      posted.add(c.id());
      if (i % 3 == 0) service.vote(c.id(), "voter", 1L);
      post("p", c.id(), "reply " + i, null);
    }
    for (Sort sort : Sort.values()) {
      List<Long> seen = new ArrayList<>();
      String cursor = null;
      int pages = 0;
      do {
        ThreadPage page = read("p", sort, cursor, 10, null);
        page.comments().forEach(v -> assertThat(v.replies()).hasSize(1));
        seen.addAll(ids(page));
        cursor = page.nextCursor();
        pages++;
      } while (cursor != null);
      assertThat(pages).as(sort.key()).isEqualTo(3);
      assertThat(seen).as(sort.key()).hasSize(25).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(posted);
    }
  }

  @BothDatabases
  void aCursorStaysValidWhileNewCommentsArrive(Dialect kind) {
    open(kind);
    for (int i = 0; i < 4; i++) post("p", null, "c" + i, null);
    ThreadPage first = read("p", Sort.OLDEST, null, 2, null);
    Comment late = post("p", null, "late", null);
    ThreadPage second = read("p", Sort.OLDEST, first.nextCursor(), 2, null);
    ThreadPage third = read("p", Sort.OLDEST, second.nextCursor(), 2, null);
    assertThat(ids(third)).containsExactly(late.id());
    assertThat(third.nextCursor()).isNull();
  }

  @BothDatabases
  void oneVotePerVoterPerComment(Dialect kind) {
    open(kind);
    Comment c = post("p", null, "vote on me", null);
    assertThat(service.vote(c.id(), "reader", 1L).score()).isEqualTo(1);
    assertThatThrownBy(() -> service.vote(c.id(), "reader", -1L))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_VOTED));
    var result = service.vote(c.id(), "someone else", -1L);
    assertThat(result).isEqualTo(new CommentService.VoteResult(0, 1, 1, -1));
    assertThat(read("p", Sort.OLDEST, null, 10, "reader").comments().get(0).myVote()).isEqualTo(1);
    assertThat(read("p", Sort.OLDEST, null, 10, "stranger").comments().get(0).myVote()).isZero();
  }

  @BothDatabases
  void heldAndRejectedAreVisibleToTheirAuthorOnlyAndHiddenStatesKeepTheTreeShape(Dialect kind) {
    open(kind);
    Comment top = post("p", null, "top", "author");
    Comment held = post("p", null, "please hold me", "author");
    Comment reply = post("p", top.id(), "reply", "other");
    Comment leaf = post("p", null, "short-lived", "other");
    assertThat(held.state()).isEqualTo(CommentState.PENDING);
    assertThat(held.moderation()).contains("test rule");

    assertThat(ids(read("p", Sort.OLDEST, null, 10, "author"))).containsExactly(top.id(), held.id(), leaf.id());
    assertThat(ids(read("p", Sort.OLDEST, null, 10, "other"))).containsExactly(top.id(), leaf.id());

    store.setState(top.id(), CommentState.DELETED);
    store.setState(leaf.id(), CommentState.REJECTED);
    List<CommentView> byAuthor = read("p", Sort.OLDEST, null, 10, "other").comments();
    assertThat(byAuthor).extracting(CommentView::id, CommentView::state)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(top.id(), "deleted"),
            org.assertj.core.groups.Tuple.tuple(leaf.id(), "rejected"));
    List<CommentView> seen = read("p", Sort.OLDEST, null, 10, "stranger").comments();
    assertThat(seen).extracting(CommentView::id).containsExactly(top.id());
    assertThat(seen.get(0).state()).isEqualTo("deleted");
    assertThat(seen.get(0).html()).isEmpty();
    assertThat(seen.get(0).author()).isEqualTo("[deleted]");
    assertThat(seen.get(0).replies()).extracting(CommentView::id).containsExactly(reply.id());
    assertThat(service.counts("s", List.of("p"))).containsEntry("p", 1);

    // a rejected top-level comment with a published reply keeps its place as a placeholder, as a hidden reply does
    Comment rejectedRoot = post("p", null, "rejected root", "other");
    Comment answer = post("p", rejectedRoot.id(), "published answer", "stranger2");
    store.setState(rejectedRoot.id(), CommentState.REJECTED);
    List<CommentView> withAnswer = read("p", Sort.OLDEST, null, 10, "stranger").comments();
    assertThat(withAnswer).extracting(CommentView::id).containsExactly(top.id(), rejectedRoot.id());
    assertThat(withAnswer.get(1).html()).isEmpty();
    assertThat(withAnswer.get(1).replies()).extracting(CommentView::id).containsExactly(answer.id());
  }

  @BothDatabases
  void countsManyPagesInOneCall(Dialect kind) {
    open(kind);
    post("a", null, "1", null);
    Comment a2 = post("a", null, "2", null);
    post("a", a2.id(), "3", null);
    post("b", null, "held: hold me", null);
    Map<String, Integer> counts = service.counts("s", List.of("a", "b", "never"));
    assertThat(counts).containsExactly(Map.entry("a", 3), Map.entry("b", 0), Map.entry("never", 0));
  }

  @BothDatabases
  void editsAndDeletesNeedTheTokenAndTheWindow(Dialect kind) {
    open(kind);
    var posted = service.post(new PostRequest("s", "p", null, null, null, "Ann", null, "first", "c"));
    long id = posted.comment().id();
    assertThatThrownBy(() -> service.edit(id, "wrong", "x")).hasMessageContaining("edit token");
    Comment edited = service.edit(id, posted.editToken(), "second *take*");
    assertThat(edited.bodyHtml()).isEqualTo("<p>second <em>take</em></p>");
    assertThat(edited.editedAt()).isNotNull();
    Comment heldEdit = service.edit(id, posted.editToken(), "now hold me");
    assertThat(heldEdit.state()).isEqualTo(CommentState.PENDING);

    clock.advance(Duration.ofMinutes(15));
    assertThatThrownBy(() -> service.edit(id, posted.editToken(), "too late"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EDIT_WINDOW_CLOSED));
    assertThatThrownBy(() -> service.delete(id, posted.editToken()))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EDIT_WINDOW_CLOSED));
    assertThat(store.find(id).orElseThrow().bodyMarkdown()).isEqualTo("now hold me");
  }

  @BothDatabases
  void aReplyMustStayInItsParentsThread(Dialect kind) {
    open(kind);
    Comment elsewhere = post("one", null, "x", null);
    assertThatThrownBy(() -> post("two", elsewhere.id(), "y", null))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PARENT_MISMATCH));
    assertThatThrownBy(() -> post("one", 999_999L, "y", null))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.COMMENT_NOT_FOUND));
    assertThat(service.counts("s", List.of("two"))).containsEntry("two", 0);
  }

  @BothDatabases
  void concurrentPostsAreAllStored(Dialect kind) throws Exception {
    open(kind);
    Comment root = post("busy", null, "root", null);
    ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    List<Future<Long>> futures = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      int n = i;
      futures.add(pool.submit(() -> service.post(new PostRequest("s", "busy", null, null, n % 2 == 0 ? null : root.id(),
          "T" + n, null, "concurrent " + n, null)).comment().id()));
    }
    Set<Long> ids = new HashSet<>();
    for (Future<Long> f : futures) ids.add(f.get());
    pool.shutdown();
    assertThat(ids).hasSize(120);
    assertThat(service.counts("s", List.of("busy"))).containsEntry("busy", 121);
  }

  @BothDatabases
  void reopeningMigratesNothingTwiceAndKeepsData(Dialect kind) {
    open(kind);
    Comment c = post("p", null, "survives", null);
    db.close();
    db = Database.open(testDb.url());
    assertThat(new CommentStore(db).find(c.id()).map(Comment::bodyMarkdown)).contains("survives");
  }

  private static List<Long> ids(ThreadPage page) {
    return page.comments().stream().map(CommentView::id).toList();
  }
}
