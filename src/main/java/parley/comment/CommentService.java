package parley.comment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import parley.kit.Tokens;
import parley.comment.ArrivalCheck.Arrival;
import parley.comment.ArrivalCheck.Decision;
import parley.site.Site;
import parley.site.SiteService;
import parley.store.Database;
import parley.thread.CommentThread;
import parley.thread.ThreadKey;
import parley.thread.ThreadStore;
import parley.kit.ApiException;
import parley.kit.ErrorCode;

/** Posting, editing, deleting, voting on and reading comments. Thread-safe. */
public final class CommentService {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CommentService.class);
  /** Deeper replies are refused: the tree is rendered recursively, and nobody reads a 200-deep fork. */
  public static final int MAX_DEPTH = 200;

  private final Database db;
  private final SiteService sites;
  private final ThreadStore threads;
  private final CommentStore comments;
  private final ArrivalCheck arrivalCheck;
  private final Duration editWindow;
  private final int maxChars;
  private final Clock clock;
  private final Idempotency idempotency;
  private final CommentEvents events;
  private final AuthorFaces faces;

  public CommentService(Database db, SiteService sites, ThreadStore threads, CommentStore comments,
      ArrivalCheck arrivalCheck, Duration editWindow, int maxChars, Clock clock) {
    this(db, sites, threads, comments, arrivalCheck, editWindow, maxChars, clock, CommentEvents.NONE);
  }

  /** {@code events} hear of each new comment, published or held, inside the transaction that stores it. */
  public CommentService(Database db, SiteService sites, ThreadStore threads, CommentStore comments,
      ArrivalCheck arrivalCheck, Duration editWindow, int maxChars, Clock clock, CommentEvents events) {
    this(db, sites, threads, comments, arrivalCheck, editWindow, maxChars, clock, events, AuthorFaces.NONE);
  }

  private CommentService(Database db, SiteService sites, ThreadStore threads, CommentStore comments,
      ArrivalCheck arrivalCheck, Duration editWindow, int maxChars, Clock clock, CommentEvents events,
      AuthorFaces faces) {
    this.faces = faces;
    this.events = events;
    this.db = db;
    this.sites = sites;
    this.threads = threads;
    this.comments = comments;
    this.arrivalCheck = arrivalCheck;
    this.editWindow = editWindow;
    this.maxChars = maxChars;
    this.clock = clock;
    this.idempotency = new Idempotency(db);
  }

  /** The same service with another arrival check: the publisher's own sample content is not moderated. */
  public CommentService withArrivalCheck(ArrivalCheck other) {
    return new CommentService(db, sites, threads, comments, other, editWindow, maxChars, clock, events, faces);
  }

  /** The same service on another clock: for seeding and imports that happen "earlier". */
  public CommentService withClock(Clock other) {
    return new CommentService(db, sites, threads, comments, arrivalCheck, editWindow, maxChars, other, events, faces);
  }

  /** The same service showing signed-in authors' staff badge and avatar colour. */
  public CommentService withFaces(AuthorFaces other) {
    return new CommentService(db, sites, threads, comments, arrivalCheck, editWindow, maxChars, clock, events, other);
  }

  /** A comment as its author sees it right after writing it. */
  public CommentView ownView(String siteId, Comment c) {
    Map<Long, AuthorFaces.Face> found = c.authorAccountId() == null ? Map.of()
        : faces.of(siteId, List.of(c.authorAccountId()));
    // the poster's own comment even without a reader id (an API client): a held one must not read as "[deleted]"
    return CommentView.own(c, AuthorFaces.Face.of(found, c.authorAccountId()));
  }

  /**
   * A reader's new comment or reply. {@code clientId} is the browser's random id, may be null; {@code accountId} is
   * the signed-in author's account and {@code ip} their address, both may be null.
   */
  public record PostRequest(String siteId, String pageKey, String url, String title, Long parentId, String author,
      String email, String body, String clientId, Long accountId, String ip, String idempotencyKey) {

    public PostRequest(String siteId, String pageKey, String url, String title, Long parentId, String author,
        String email, String body, String clientId) {
      this(siteId, pageKey, url, title, parentId, author, email, body, clientId, null, null, null);
    }

    public PostRequest(String siteId, String pageKey, String url, String title, Long parentId, String author,
        String email, String body, String clientId, Long accountId, String ip) {
      this(siteId, pageKey, url, title, parentId, author, email, body, clientId, accountId, ip, null);
    }

    /** The reader's key in its scope: their account or browser (else none), the site, and what they sent. */
    Idempotency.Key key() {
      if (idempotencyKey == null) return null;
      String who = accountId != null ? "account:" + accountId : clientId != null ? "client:" + clientId : "anonymous";
      return Idempotency.Key.of(idempotencyKey, siteId, who, pageKey, String.valueOf(parentId), author, email, body);
    }
  }

  /** {@code replayed}: the answer to an earlier request with the same idempotency key; nothing new was stored. */
  public record Posted(Comment comment, String editToken, Instant editableUntil, boolean replayed) {}

  /** Thrown inside the write to roll the comment back when a concurrent twin stored the same key first. */
  private static final class LostRace extends RuntimeException {
    LostRace() {
      super(null, null, false, false);
    }
  }

  public record ThreadPage(CommentThread thread, int commentCount, List<CommentView> comments, String nextCursor,
      Sort sort) {}

  public Posted post(PostRequest req) {
    Idempotency.Key key = req.key();
    if (key != null) {
      Optional<Posted> earlier = replay(key);
      if (earlier.isPresent()) return earlier.get();
      try {
        return create(req, key);
      } catch (LostRace e) {
        return replay(key).orElseThrow();
      }
    }
    return create(req, null);
  }

  private Optional<Posted> replay(Idempotency.Key key) {
    return idempotency.find(key, clock.instant()).map(e -> {
      if (!e.requestHash().equals(key.requestHash())) throw new ApiException(ErrorCode.IDEMPOTENCY_KEY_REUSED);
      Comment c = comments.find(e.commentId()).orElseThrow(() -> new ApiException(ErrorCode.COMMENT_NOT_FOUND));
      return new Posted(c, e.editToken(), c.createdAt().plus(editWindow), true);
    });
  }

  private Posted create(PostRequest req, Idempotency.Key key) {
    Site site = site(req.siteId());
    ThreadKey pageKey = key(site, req.pageKey());
    String body = CommentFields.body(req.body(), maxChars);
    String author = CommentFields.author(req.author());
    String email = CommentFields.email(req.email());
    String url = CommentFields.url(req.url());
    String title = CommentFields.title(req.title());
    String clientHash = req.clientId() == null ? null : Tokens.sha256(req.clientId());
    String ipHash = req.ip() == null ? null : Tokens.sha256(req.ip());
    String token = Tokens.newToken();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // as stored: a replay answers the same instant
    CommentThread thread = threads.find(site.id(), pageKey)
        .orElseGet(() -> db.write(h -> threads.findOrCreate(h, site.id(), pageKey.key(), url, title, now)));
    if (thread.closedAt(now)) throw new ApiException(ErrorCode.THREAD_CLOSED);
    Comment parent = req.parentId() == null ? null : db.read(h -> parent(h, thread, req.parentId()));
    // Scoring and rendering run outside the write: on SQLite every other write would wait for them.
    Decision decision = arrivalCheck.check(
        new Arrival(site.id(), thread.id(), req.parentId(), author, clientHash, body, false, req.accountId(), ipHash,
            email, thread.effective().premoderate()));
    String html = BodyRenderer.render(body);
    long id = db.write(h -> {
      long inserted = comments.insert(h, new CommentStore.NewComment(thread.id(), parent, author, email,
          clientHash, Tokens.sha256(token), body, html, now, decision.state(), decision.scores(), decision.reasons(),
          req.accountId(), ipHash));
      if (key != null && !idempotency.remember(h, key, inserted, token, now)) throw new LostRace();
      // a provisional publish tells no one yet (reply emails, webhooks): the final decision may take it back
      if (decision.settled() == null) announce(h, decision.state(), inserted);
      return inserted;
    });
    if (decision.settled() != null) {
      decision.settled().whenComplete((last, failure) -> settle(id, decision, last, failure));
    }
    return new Posted(comments.find(id).orElseThrow(), token, now.plus(editWindow), false);
  }

  private void announce(org.jdbi.v3.core.Handle h, CommentState state, long id) {
    if (state == CommentState.PUBLISHED) events.emit(h, CommentEvent.Kind.PUBLISHED, id);
    if (state == CommentState.PENDING) events.emit(h, CommentEvent.Kind.HELD, id);
  }

  /**
   * A comment published on the fast stage's scores takes its final decision (state, scores, reasons) and is announced,
   * unless it changed meanwhile: an edit, a deletion or a moderator's action decided it again.
   */
  private void settle(long id, Decision provisional, Decision last, Throwable failure) {
    if (failure != null) {
      log.error("comment {} kept its provisional decision: the final one failed", id, failure);
      return;
    }
    try {
      db.write(h -> {
        if (CommentStore.settle(h, id, provisional, last)) announce(h, last.state(), id);
        return null;
      });
    } catch (RuntimeException e) {
      log.error("comment {} kept its provisional decision: storing the final one failed", id, e);
    }
  }

  private Comment parent(org.jdbi.v3.core.Handle h, CommentThread thread, long parentId) {
    Comment parent = comments.find(h, parentId)
        .orElseThrow(() -> new ApiException(ErrorCode.COMMENT_NOT_FOUND, "The comment replied to does not exist."));
    if (parent.threadId() != thread.id()) throw new ApiException(ErrorCode.PARENT_MISMATCH);
    if (parent.state() == CommentState.REJECTED) {
      throw new ApiException(ErrorCode.COMMENT_NOT_FOUND, "The comment replied to does not exist.");
    }
    if (parent.depth() + 1 > MAX_DEPTH) throw new ApiException(ErrorCode.REPLY_TOO_DEEP);
    return parent;
  }

  /**
   * Decides again the comments a stop left provisional (published on the fast stage's scores, the final decision not
   * yet stored), without the arrival guards and waiting for the full scores. Returns how many it settled.
   */
  public int settleLeftovers() {
    int settled = 0;
    for (Comment c : comments.provisional()) {
      CommentThread thread = threads.find(c.threadId()).orElseThrow();
      Decision provisional = new Decision(c.state(), c.scores(), c.moderation());
      Decision last;
      try {
        last = arrivalCheck.check(new Arrival(thread.siteId(), thread.id(), c.parentId(), c.authorName(), c.clientHash(),
            c.bodyMarkdown(), true, c.authorAccountId(), null, c.authorEmail(), thread.effective().premoderate()));
      } catch (ApiException refused) {
        // the author was banned since: a ban does not take back what was published before it, nor does this
        log.warn("comment {} keeps its provisional decision: {}", c.id(), refused.getMessage());
        continue;
      }
      settle(c.id(), provisional, last, null);
      settled++;
    }
    return settled;
  }

  /** Replaces the body of the author's comment; the new text is checked again like a new comment. */
  public Comment edit(long id, String editToken, String newBody) {
    Comment c = ownComment(id, editToken);
    String body = CommentFields.body(newBody, maxChars);
    CommentThread thread = threads.find(c.threadId()).orElseThrow();
    Decision decision = arrivalCheck.check(
        new Arrival(thread.siteId(), thread.id(), c.parentId(), c.authorName(), c.clientHash(), body, true, null, null,
            null, thread.effective().premoderate()));
    comments.updateBody(id, body, BodyRenderer.render(body), clock.instant(), decision.state(), decision.scores(),
        decision.reasons());
    return comments.find(id).orElseThrow();
  }

  /** The author withdraws their comment: it becomes a placeholder so replies keep their place. */
  public Comment delete(long id, String editToken) {
    ownComment(id, editToken);
    comments.setState(id, CommentState.DELETED);
    return comments.find(id).orElseThrow();
  }

  private Comment ownComment(long id, String editToken) {
    Comment c = comments.find(id).orElseThrow(() -> new ApiException(ErrorCode.COMMENT_NOT_FOUND));
    if (!Tokens.matches(editToken, c.editTokenHash())) throw new ApiException(ErrorCode.EDIT_TOKEN_INVALID);
    if (c.state() == CommentState.DELETED || c.state() == CommentState.REJECTED) {
      throw new ApiException(ErrorCode.COMMENT_NOT_EDITABLE);
    }
    if (!clock.instant().isBefore(c.createdAt().plus(editWindow))) {
      throw new ApiException(ErrorCode.EDIT_WINDOW_CLOSED);
    }
    return c;
  }

  public record VoteResult(int score, int upvotes, int downvotes, int myVote) {}

  /**
   * One vote per browser (or account) per comment, on published comments only. {@code accountId} is the signed-in
   * voter or null, {@code ip} their address; anonymous votes from one address are capped and weighed.
   */
  public VoteResult vote(long id, String clientId, Long value) {
    return vote(id, clientId, value, null, null);
  }

  public VoteResult vote(long id, String clientId, Long value, Long accountId, String ip) {
    boolean noClient = clientId == null || clientId.isBlank();
    if (noClient && accountId == null) throw new ApiException(ErrorCode.CLIENT_ID_REQUIRED);
    if (value == null || (value != 1 && value != -1)) throw new ApiException(ErrorCode.INVALID_VOTE);
    Comment c = comments.find(id).orElseThrow(() -> new ApiException(ErrorCode.COMMENT_NOT_FOUND));
    if (c.state() != CommentState.PUBLISHED) throw new ApiException(ErrorCode.COMMENT_NOT_FOUND);
    var voter = new CommentStore.Voter(Tokens.sha256(noClient ? "account:" + accountId : clientId), accountId,
        ip == null ? null : Tokens.sha256(ip));
    if (!comments.vote(id, c.threadId(), voter, value.intValue(), clock.instant())) throw new ApiException(ErrorCode.ALREADY_VOTED);
    Comment after = comments.find(id).orElseThrow();
    return new VoteResult(after.score(), after.upvotes(), after.downvotes(), value.intValue());
  }

  /** One page of a thread as a tree; a page without comments yet has a null thread. */
  public ThreadPage thread(String siteId, String pageKey, Sort sort, String cursorText, int limit, String clientId) {
    return threadFor(siteId, pageKey).map(t -> page(t, sort, cursorText, limit, clientId))
        .orElseGet(() -> new ThreadPage(null, 0, List.of(), null, sort));
  }

  /** The thread under a page of a known site (SITE_NOT_FOUND otherwise), with its current version; empty if none yet. */
  public Optional<CommentThread> threadFor(String siteId, String pageKey) {
    return threads.find(siteId, key(site(siteId), pageKey));
  }

  /**
   * The key a page's thread is stored under (live streams and editor's picks look it up by it): its thread's key when
   * it has a thread (which may be a legacy spelling or reached through an alias), else the normalized key its first
   * comment will create.
   */
  public String storedKey(String siteId, String pageKey) {
    ThreadKey key = key(site(siteId), pageKey);
    return threads.find(siteId, key).map(CommentThread::pageKey).orElse(key.key());
  }

  /** A page as the widget, an import or a feed names it (URL or opaque id), normalized by the site's rules. */
  private static ThreadKey key(Site site, String raw) {
    ThreadKey key = ThreadKey.of(CommentFields.pageKey(raw), site.pageParams());
    CommentFields.pageKey(key.key()); // escaping can lengthen a URL past the limit
    return key;
  }

  /**
   * Whether this reader's page of the thread is the one everybody without a browser id sees: true unless they wrote
   * or voted in it (their own held comments, {@code mine}, {@code myVote} and their markdown are theirs alone).
   */
  public boolean seesSharedPage(CommentThread thread, String clientId) {
    return clientId == null || !comments.hasReaderState(thread.id(), Tokens.sha256(clientId));
  }

  /** One page of the thread as {@code clientId}'s browser (null: anonymous) sees it. */
  public ThreadPage page(CommentThread thread, Sort sort, String cursorText, int limit, String clientId) {
    Cursor cursor = null;
    if (cursorText != null && !cursorText.isBlank()) {
      cursor = Cursor.decode(cursorText);
      if (cursor == null) throw new ApiException(ErrorCode.INVALID_CURSOR);
    }
    String me = clientId == null ? null : Tokens.sha256(clientId);
    List<Comment> top = comments.topLevel(thread.id(), sort, cursor, limit + 1, me);
    String next = top.size() > limit ? Cursor.after(top.get(limit - 1)).encode() : null;
    if (top.size() > limit) top = top.subList(0, limit);
    List<Comment> replies = comments.replies(thread.id(), top.stream().map(Comment::id).toList());
    List<Long> ids = new ArrayList<>(top.size() + replies.size());
    top.forEach(c -> ids.add(c.id()));
    replies.forEach(c -> ids.add(c.id()));
    Map<Long, Integer> myVotes = comments.votesBy(me, ids);
    List<Long> accounts = java.util.stream.Stream.concat(top.stream(), replies.stream()).map(Comment::authorAccountId)
        .filter(java.util.Objects::nonNull).distinct().toList();
    Map<Long, AuthorFaces.Face> byAccount = accounts.isEmpty() ? Map.of() : faces.of(thread.siteId(), accounts);
    return new ThreadPage(thread, thread.publishedCount(),
        new CommentTree(replies, me, myVotes, byAccount).build(top), next, sort);
  }

  /** A thread by id with its published count; THREAD_NOT_FOUND when unknown. */
  public ThreadPage threadInfo(long threadId) {
    CommentThread t = threads.find(threadId).orElseThrow(() -> new ApiException(ErrorCode.THREAD_NOT_FOUND));
    return new ThreadPage(t, t.publishedCount(), List.of(), null, Sort.OLDEST);
  }

  public Map<String, Integer> counts(String siteId, List<String> pageKeys) {
    Site site = site(siteId);
    Map<String, ThreadKey> keys = new LinkedHashMap<>();
    pageKeys.forEach(raw -> keys.put(CommentFields.pageKey(raw), key(site, raw)));
    Map<String, Integer> stored = threads.publishedCounts(siteId,
        keys.values().stream().flatMap(k -> k.candidates().stream()).distinct().toList());
    Map<String, Integer> counts = new LinkedHashMap<>(); // answered under the keys the caller sent
    keys.forEach((raw, k) -> counts.put(raw, k.candidates().stream().mapToInt(c -> stored.getOrDefault(c, 0))
        .filter(n -> n > 0).findFirst().orElse(0)));
    return counts;
  }

  /** A page key as threads store it (one clean line, required, bounded): live streams subscribe by it. */
  public static String pageKey(String raw) {
    return CommentFields.pageKey(raw);
  }

  /** The site a comment belongs to, for origin checks on requests that name only the comment. */
  public String siteOf(long commentId) {
    Comment c = comments.find(commentId).orElseThrow(() -> new ApiException(ErrorCode.COMMENT_NOT_FOUND));
    return threads.find(c.threadId()).orElseThrow().siteId();
  }

  private Site site(String siteId) {
    if (siteId == null || siteId.isBlank()) throw new ApiException(ErrorCode.VALIDATION_FAILED, "'site' is required.");
    return sites.find(siteId).orElseThrow(() -> new ApiException(ErrorCode.SITE_NOT_FOUND, "No site '" + siteId + "'."));
  }
}
