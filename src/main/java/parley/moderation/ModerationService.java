package parley.moderation;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import parley.classify.Classification;
import parley.classify.Classifier;
import parley.classify.Stage;
import parley.comment.CommentState;
import parley.limit.TokenBuckets;
import parley.comment.ArrivalCheck;
import parley.kit.ApiException;
import parley.kit.ErrorCode;

/**
 * Moderates arriving comments: guard checks (ban, account required, rate limit) refuse outright; the site's
 * pipeline decides publish, hold or reject, and every decision carries its reasons and scores. Thread-safe. Owns its
 * scoring threads (one per core, a bounded queue): {@link #close} stops them; the classifier is its caller's.
 */
public final class ModerationService implements ArrivalCheck, AutoCloseable {
  private static final long POLICY_TTL_MILLIS = 5_000;
  private static final Duration RECENT = Duration.ofHours(24);

  private final PolicyStore policies;
  private final AuthorStore authors;
  private final BanStore bans;
  private static final Duration MINUTE = Duration.ofMinutes(1);
  /** Posting buckets kept in memory; each idle bucket is dropped after a minute, when it would be full again. */
  public static final int MAX_RATE_KEYS = 100_000;

  private final TokenBuckets<String> limiter;
  private final Classifier classifier;
  private final Duration classifierBudget;
  private final Duration decideWithin;
  /** Where a comment published on the fast stage's scores waits for the full ones (blocking, so virtual). */
  private static final java.util.concurrent.Executor SETTLERS =
      r -> Thread.ofVirtual().name("parley-settler").start(r);
  private final StaffNames staffNames;
  private final ModerationMeters meters;
  private final Function<Policy, Pipeline> compiler;
  private final CompletableFuture<Void> warm;
  /** The longest a comment waits for the model to finish loading at start-up. */
  private static final long WARM_UP_WAIT_SECONDS = 60;
  private final Clock clock;
  private static final int CORES = Runtime.getRuntime().availableProcessors();
  /** Comments that may wait for a scoring thread; past this a comment is held as "classifier busy", not queued. */
  static final int SCORING_QUEUE = 256;
  // scoring is CPU-bound: one thread per core; a timed-out score cannot be stopped, so it keeps its thread and the
  // queue, not an unbounded number of threads, absorbs the backlog
  private final ThreadPoolExecutor scoring = new ThreadPoolExecutor(CORES, CORES, 0, TimeUnit.MILLISECONDS,
      new ArrayBlockingQueue<>(SCORING_QUEUE), r -> Thread.ofPlatform().name("parley-scoring").daemon().unstarted(r));
  // comments already published on the fast stage's scores: one thread, so that a burst of them leaves the other cores
  // to the requests (on two cores, two busy scoring threads made every post wait for the CPU)
  private final ThreadPoolExecutor settling = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
      new ArrayBlockingQueue<>(SETTLING_QUEUE), r -> Thread.ofPlatform().name("parley-settling").daemon().unstarted(r));
  /**
   * Published comments whose final score may wait: a burst's worth (at 40 ms each, a minute and a half of work on a slow
   * machine; each holds its text, at most 10,000 characters). Past it, comments wait for their score.
   */
  static final int SETTLING_QUEUE = 2_000;
  /** A published comment's final score may wait in a queue behind a burst; it is not held for that. */
  private static final Duration SETTLING_BUDGET = Duration.ofMinutes(2);
  private final Map<String, Compiled> cache = new ConcurrentHashMap<>();
  private final ScoringTimes typical = new ScoringTimes();

  private record Compiled(Policy policy, Pipeline pipeline, long loadedAt) {}

  /** @param classifier {@link Classifier#OFF} runs without scores (each comment notes "classifier.off") */
  public ModerationService(PolicyStore policies, Function<Policy, Pipeline> compiler, AuthorStore authors, BanStore bans,
      TokenBuckets<String> limiter, Classifier classifier, Duration classifierBudget, StaffNames staffNames, Clock clock) {
    this(policies, compiler, authors, bans, limiter, classifier, classifierBudget, staffNames, ModerationMeters.none(),
        clock);
  }

  /**
   * @param compiler turns a site's policy into its pipeline ({@code Phases::forPolicy}): given by the caller, so that
   *     the phases may depend on this package and not the other way round
   */
  public ModerationService(PolicyStore policies, Function<Policy, Pipeline> compiler, AuthorStore authors, BanStore bans,
      TokenBuckets<String> limiter, Classifier classifier, Duration classifierBudget, StaffNames staffNames,
      ModerationMeters meters, Clock clock) {
    this(policies, compiler, authors, bans, limiter, classifier, classifierBudget, classifierBudget, staffNames, meters,
        clock);
  }

  /**
   * @param decideWithin how long a new comment waits for the model's own stage before the fast stage may publish it
   *     (the full scores then decide again in the background); {@code classifierBudget} or more: always wait
   */
  public ModerationService(PolicyStore policies, Function<Policy, Pipeline> compiler, AuthorStore authors, BanStore bans,
      TokenBuckets<String> limiter, Classifier classifier, Duration classifierBudget, Duration decideWithin,
      StaffNames staffNames, ModerationMeters meters, Clock clock) {
    this.decideWithin = decideWithin;
    this.compiler = compiler;
    meters.settlingQueue(() -> settling.getQueue().size() + settling.getActiveCount());
    this.meters = meters;
    // the model's session opens in the background at start; comments that arrive meanwhile wait for it before their
    // scoring budget starts, instead of being held as "timed out" because the first call paid for the loading. A
    // platform thread: opening the session is a long native call, which would pin a virtual thread's carrier (one
    // of two on two cores) while the first readers are served
    this.warm = CompletableFuture.runAsync(() -> {
      if (!classifier.off()) classifier.warmUp(); // off() waits for a model still loading in the background
    }, r -> Thread.ofPlatform().daemon().name("parley-classifier-warm-up").start(r));
    this.clock = clock;
    this.policies = policies;
    this.authors = authors;
    this.bans = bans;
    this.limiter = limiter;
    this.classifier = classifier;
    this.classifierBudget = classifierBudget;
    this.staffNames = staffNames;
  }

  @Override
  public Decision check(Arrival a) {
    AuthorRef author = new AuthorRef(a.accountId(), a.clientHash(), a.ipHash());
    Compiled site = compiled(a.siteId());
    try {
      refuseBanned(a.siteId(), author, a.email());
      refuseAnonymous(site.policy(), author);
      if (!a.edit()) staffNames.refuseImpersonation(a.siteId(), a.authorName(), a.accountId());
      if (!a.edit()) refuseTooFast(a.siteId(), site.policy(), author);
    } catch (ApiException refused) {
      meters.refused(refused.code().name());
      throw refused;
    }
    Scoring scoring = score(snapshot(a, author), !a.edit());
    Judgement judgement = judge(a.siteId(), scoring.now());
    if (scoring.rest() == null) {
      meters.decided(judgement.verdict());
      return DecisionJson.stored(judgement, DecisionJson.By.ARRIVAL, clock.millis());
    }
    meters.provisional();
    Decision now = DecisionJson.stored(judgement, DecisionJson.By.PROVISIONAL, clock.millis());
    CompletableFuture<Decision> settled = scoring.rest().thenApply(scored -> {
      Judgement last = judge(a.siteId(), scored);
      meters.decided(last.verdict());
      return DecisionJson.stored(last, DecisionJson.By.ARRIVAL, clock.millis());
    });
    return new Decision(now.state(), now.scores(), now.reasons(), settled);
  }

  /** Runs the site's pipeline without guards or side effects: the one judge, for arrivals, edits and previews. */
  public Judgement judge(String siteId, Submission submission) {
    return pipeline(siteId).judge(submission);
  }

  /** The site's pipeline for its stored policy; {@code parley moderate} re-judges archives with it. */
  public Pipeline pipeline(String siteId) {
    return compiled(siteId).pipeline();
  }

  /** The author's trust on the site, weighed by the site's policy, with what made it. */
  public Trust trust(String siteId, AuthorRef author) {
    return Trust.of(policy(siteId).trust(), authors.trustCounts(siteId, author));
  }

  /** The site's bans, for moderators. */
  public List<BanStore.Ban> bans(String siteId) {
    return bans.list(siteId);
  }

  public Policy policy(String siteId) {
    return compiled(siteId).policy();
  }

  public Policy updatePolicy(String siteId, Policy policy) {
    policies.save(siteId, policy.validated());
    cache.remove(siteId);
    return policy(siteId);
  }

  public Classification classify(String text) {
    return classifier.off() ? null : classifier.classify(text);
  }

  private void refuseBanned(String siteId, AuthorRef author, String email) {
    List<String> keys = new java.util.ArrayList<>(author.keys());
    if (email != null && !email.isBlank()) keys.add(BanScope.EMAIL.key(BanStore.emailHash(email)));
    BanStore.Ban ban = bans.active(siteId, keys).orElse(null);
    if (ban == null) return;
    // the reader sees why and, for a suspension, until when; the widget shows the message as it comes
    String why = ban.reason() == null || ban.reason().isBlank() ? "" : " Reason: " + ban.reason();
    java.util.Map<String, Object> details = new java.util.LinkedHashMap<>();
    if (ban.reason() != null) details.put("reason", ban.reason());
    if (!ban.suspension()) {
      // a permanent ban ends nothing by itself: the site's appeal note tells the reader where to ask
      String appeal = policy(siteId).trust().appealNote();
      if (appeal != null && !appeal.isBlank()) details.put("appeal", appeal);
      String howToAppeal = appeal == null || appeal.isBlank() ? "" : " To appeal: " + appeal;
      throw new ApiException(ErrorCode.AUTHOR_BANNED, ErrorCode.AUTHOR_BANNED.defaultMessage() + why + howToAppeal,
          details);
    }
    details.put("until", ban.expiresAt().toString());
    String until = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
        .withZone(java.time.ZoneOffset.UTC).format(ban.expiresAt());
    throw new ApiException(ErrorCode.AUTHOR_SUSPENDED, "You are suspended from commenting until " + until + "." + why, details);
  }

  private static void refuseAnonymous(Policy policy, AuthorRef author) {
    if (policy.requireAccount() && author.accountId() == null) throw new ApiException(ErrorCode.ACCOUNT_REQUIRED);
  }

  // the address bucket is taken whatever the client id says: a flood of fresh ids cannot escape it
  private void refuseTooFast(String siteId, Policy policy, AuthorRef author) {
    long wait = author.accountId() != null || author.clientHash() != null
        ? limiter.takeSeconds(siteId + "|" + author.key(), policy.userPostsPerMinute(), MINUTE) : 0;
    if (wait == 0 && author.ipHash() != null) {
      wait = limiter.takeSeconds(siteId + "|ip:" + author.ipHash(), policy.ipPostsPerMinute(), MINUTE);
    }
    if (wait > 0) {
      throw new ApiException(ErrorCode.RATE_LIMITED,
          "You are commenting too fast. Please wait " + wait + " second" + (wait == 1 ? "" : "s") + " and try again.");
    }
  }

  private Submission snapshot(Arrival a, AuthorRef author) {
    AuthorStore.Counts counts = authors.counts(a.siteId(), author);
    // an IP alone is shared by whole offices and phone networks: too weak to call two comments one author's
    boolean known = author.accountId() != null || author.clientHash() != null;
    List<String> recent = known
        ? authors.recentBodies(a.siteId(), author, clock.millis() - RECENT.toMillis(), 10) : List.of();
    return new Submission(a.siteId(), a.body(), a.edit(), counts.published(), recent, null, null,
        a.threadPremoderated(), trust(a.siteId(), author).score());
  }

  /**
   * The submission scored now; with {@code rest} non-null, scored by the fast stage alone, the model's own stage
   * finishing in the background ({@link #decideWithin}).
   */
  private record Scoring(Submission now, CompletableFuture<Submission> rest) {}

  /**
   * Scores with the model's default stage. A new comment ({@code mayDecideEarly}) waits for it at most
   * {@link #decideWithin}, and not at all when it is typically later than that (the queue, the length): then, if the
   * fast stage's scores publish the comment under the site's policy, it is published on them and the full scores
   * decide again when they come. A comment the fast stage doubts waits for them, up to the budget. On a slow machine
   * the reader's post then costs the fast stage, not the network.
   */
  private Scoring score(Submission s, boolean mayDecideEarly) {
    if (!warm.isDone()) {
      try {
        warm.get(WARM_UP_WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Scoring(failed(s, "interrupted"), null);
      } catch (Exception e) {
        // a failed or slow load shows in the scoring below, as for any other comment
      }
    }
    if (classifier.off()) return new Scoring(s, null);
    boolean early = mayDecideEarly && decideWithin.compareTo(classifierBudget) < 0
        && classifier.defaultStage() != Stage.FAST;
    Submission fast = null; // the fast stage's scores, once asked, if they publish the comment
    boolean fastAsked = false;
    if (early && typicallyLate(s.body())) {
      fast = fastScored(s);
      fastAsked = true;
      if (fast == null) {
        early = false; // the fast stage doubts it: it waits for the full score whatever the time
      } else {
        long started = System.nanoTime();
        try {
          Future<Classification> f = settling.submit(() -> scored(s.body(), started));
          return provisional(fast, s, f, started, SETTLING_BUDGET);
        } catch (RejectedExecutionException full) {
          // a flood: this comment waits for its score like the others
        }
      }
    }
    long started = System.nanoTime();
    Future<Classification> f;
    try {
      f = scoring.submit(() -> scored(s.body(), started));
    } catch (RejectedExecutionException e) {
      meters.classified("busy", 0);
      return new Scoring(failed(s, "classifier busy: " + SCORING_QUEUE + " comments already waiting"), null);
    }
    if (early) {
      try {
        return new Scoring(s.withClassification(f.get(decideWithin.toNanos(), TimeUnit.NANOSECONDS)), null);
      } catch (TimeoutException late) {
        if (!fastAsked) fast = fastScored(s);
        if (fast != null) return provisional(fast, s, f, started, classifierBudget);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Scoring(failed(s, "interrupted"), null);
      } catch (Exception e) {
        // failed: awaited(...) below reports it as it reports any failure
      }
    }
    return new Scoring(awaited(s, f, started, classifierBudget), null);
  }

  /** Decided now on the fast stage's scores; the full ones come from {@code f}, waited for on a virtual thread. */
  private Scoring provisional(Submission fast, Submission s, Future<Classification> f, long started, Duration budget) {
    return new Scoring(fast, CompletableFuture.supplyAsync(() -> awaited(s, f, started, budget), SETTLERS));
  }

  private Classification scored(String body, long started) {
    long began = System.nanoTime();
    Classification c = classifier.classify(body);
    long done = System.nanoTime();
    meters.classified(ModerationMeters.stageKey(c.stage()), done - started);
    typical.record(body, done - began); // the work alone: a queue is seen for itself (typicallyLate)
    return c;
  }

  // a queue means a wait; otherwise what comments of this length took lately
  private boolean typicallyLate(String body) {
    return !scoring.getQueue().isEmpty() || !settling.getQueue().isEmpty()
        || typical.nanos(body) > decideWithin.toNanos();
  }

  /** The submission with the fast stage's scores, if they publish it under the site's policy; null otherwise. */
  private Submission fastScored(Submission s) {
    Submission fast = s.withClassification(classifier.classify(s.body(), Stage.FAST));
    return judge(s.siteId(), fast).state() == CommentState.PUBLISHED ? fast : null;
  }

  /** Waits for the score until {@code budget} since {@code started} is spent. */
  private Submission awaited(Submission s, Future<Classification> f, long started, Duration budget) {
    long left = Math.max(0, budget.toNanos() - (System.nanoTime() - started));
    try {
      return s.withClassification(f.get(left, TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      f.cancel(true);
      meters.classified("timeout", System.nanoTime() - started);
      return failed(s, "classifier timed out after " + budget.toMillis() + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(s, "interrupted");
    } catch (Exception e) {
      meters.classified("failed", System.nanoTime() - started);
      return failed(s, "classifier failed: " + e.getClass().getSimpleName());
    }
  }

  private static Submission failed(Submission s, String why) {
    return new Submission(s.siteId(), s.body(), s.edit(), s.approvedByAuthor(), s.recentBodies(), null, why,
        s.threadPremoderated(), s.trust());
  }

  private Compiled compiled(String siteId) {
    long now = clock.millis();
    Compiled c = cache.get(siteId);
    if (c == null || now - c.loadedAt() > POLICY_TTL_MILLIS) {
      Policy p = policies.find(siteId).orElseGet(() -> Policy.defaults(classifier));
      c = new Compiled(p, compiler.apply(p), now);
      cache.put(siteId, c);
    }
    return c;
  }

  /** Stops the scoring threads; a score still running is abandoned (its comment was already decided). */
  @Override
  public void close() {
    scoring.shutdownNow();
    settling.shutdownNow();
  }
}
