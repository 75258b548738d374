package parley;

import io.javalin.Javalin;
import java.time.Clock;
import java.util.Map;
import parley.account.AccountHandlers;
import parley.account.AccountService;
import parley.analysis.AnalysisModule;
import parley.classify.Classifier;
import parley.classify.Stage;
import parley.comment.ArrivalCheck;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import parley.admin.WebhookPageHandlers;
import parley.comment.CommentEvents;
import parley.comment.CommentHandlers;
import parley.comment.LatestComments;
import parley.crawl.CrawlHandlers;
import parley.comment.CommentService;
import parley.comment.CommentStore;
import parley.comment.ThreadPageCache;
import parley.comment.ThreadReads;
import parley.admin.DefencePageHandlers;
import parley.defence.DefenceHandlers;
import parley.defence.DefenceStore;
import parley.defence.SpamDefence;
import parley.defence.SpentStore;
import parley.importing.ImportConfig;
import parley.importing.ImportHandlers;
import parley.importing.ImportLimits;
import parley.importing.StartupRepairs;
import parley.importing.ImportMeters;
import parley.live.EventLog;
import parley.live.LiveHandlers;
import parley.live.LiveHub;
import parley.live.Wakeup;
import parley.ops.Telemetry;
import parley.moderation.ClassifierLoader;
import parley.moderation.ModerationService;
import parley.site.Origins;
import parley.site.SiteService;
import parley.site.SiteStore;
import parley.store.Database;
import parley.thread.ThreadStore;
import parley.web.Cors;
import parley.web.Routes;
import parley.web.Server;
import parley.widget.DemoSeeder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wiring only: opens the database, builds the services and starts the HTTP server. */
public final class App implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(App.class);

  /** What one process serves: everything, or the Perspective-compatible API alone ({@code serve --only analysis}). */
  public enum Mode { FULL, ANALYSIS_ONLY }

  /** Staff badges and chosen avatar colours on comments, from the accounts (auth owns them; comment only reads). */
  private static parley.comment.AuthorFaces authorFaces(Database db, Clock clock) {
    var accounts = new parley.auth.AccountStore(db, clock);
    return (site, ids) -> accounts.publicFaces(site, ids).stream().collect(java.util.stream.Collectors.toMap(
        parley.auth.AccountStore.PublicFace::accountId,
        f -> new parley.comment.AuthorFaces.Face(f.staff(), f.hue())));
  }

  private final Database db;
  private final Javalin server;
  private final CommentService comments;
  private final SiteService sites;
  private final ModerationService moderation;
  private final AnalysisModule analysis;
  private final Operations ops;
  private Classifier owned = Classifier.OFF;
  private MailWiring.Mailing mailing;
  private LiveHub live;

  private App(Database db, Javalin server, CommentService comments, SiteService sites, ModerationService moderation,
      AnalysisModule analysis, Operations ops) {
    this.ops = ops;
    this.db = db;
    this.server = server;
    this.comments = comments;
    this.sites = sites;
    this.moderation = moderation;
    this.analysis = analysis;
  }

  /** Starts with the shipped model, which the app then owns and closes. */
  public static App start(ParleyConfig config) {
    Classifier model = ClassifierLoader.loadDefault();
    try {
      App app = start(config, model);
      app.owned = model;
      return app;
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /**
   * Starts with the given classifier, which stays the caller's to close; {@link Classifier#OFF} moderates by word
   * lists and policy only (and analysis answers 503).
   */
  public static App start(ParleyConfig config, Classifier classifier) {
    return start(config, Mode.FULL, classifier, config.ops().analysisStage());
  }

  /** {@code analysisStage} is the stage the Perspective-compatible API scores with. */
  public static App start(ParleyConfig config, Mode mode, Classifier classifier, Stage analysisStage) {
    // the one wall clock of the process: every service and store that stamps or compares times takes it from here
    Clock clock = Clock.systemUTC();
    Telemetry telemetry = new Telemetry();
    Database db;
    try {
      db = Database.open(config.effectiveDatabaseUrl(), telemetry.registry());
    } catch (RuntimeException e) {
      telemetry.close();
      throw e;
    }
    Operations ops = new Operations(config.ops(), telemetry, db, classifier);
    AnalysisModule analysis = null;
    ModerationService moderation = null;
    MailWiring.Mailing mailing = null;
    LiveHub live = null;
    try {
      StartupRepairs.run(db);
      analysis = AnalysisModule.start(db, () -> requireModel(classifier), analysisStage, clock);
      if (mode == Mode.ANALYSIS_ONLY) return startAnalysisOnly(config, db, analysis, ops);
      SiteService sites = new SiteService(new SiteStore(db, clock), clock);
      ensureSites(config, sites);
      ThreadStore threads = new ThreadStore(db);
      moderation = ModerationWiring.service(db, classifier, config.decideWithin(), telemetry.registry(), clock);
      CommentEvents events = new CommentEvents(); // reply emails and webhooks listen, wired below
      CommentService comments = new CommentService(db, sites, threads, new CommentStore(db), moderation,
          config.editWindow(), config.maxCommentChars(), clock, events).withFaces(authorFaces(db, clock));
      AtomicInteger boundPort = new AtomicInteger(config.port());
      // links in emails: the configured public URL, else this server as seen from its own machine
      Supplier<String> baseUrl = () -> config.publicUrl().isBlank() ? "http://localhost:" + boundPort.get() : config.publicUrl();
      mailing = MailWiring.mailing(db, config.mail(), comments, events, baseUrl, telemetry, clock);
      // the demo discussion is the publisher's own sample content, not readers' comments: it is not moderated
      if (config.demo()) DemoSeeder.seedIfEmpty(comments.withArrivalCheck(ArrivalCheck.PUBLISH_ALL), clock);
      Origins origins = new Origins(sites, config.publicUrl());
      Cors cors = new Cors(origins);
      var pageCache = new ThreadPageCache(config.ops().threadCacheBytes(), telemetry.registry());
      CommentHandlers commentHandlers = new CommentHandlers(comments, new ThreadReads(comments, pageCache), origins);
      var crawl = new CrawlHandlers(comments, new LatestComments(db), sites, config.publicUrl());
      live = new LiveHub(new EventLog(db, clock), new Wakeup(db), config.live(), ModerationWiring.queueView(db, clock),
          clock, telemetry.registry());
      Routes.Moderation staff = ModerationWiring.handlers(db, config, comments, moderation, origins, telemetry, clock, events,
          new LiveHandlers(live, sites, origins, comments), sites);
      var outgoing = new Routes.Outgoing(MailWiring.notifyHandlers(mailing, origins), MailWiring.webhookHandlers(mailing),
          new WebhookPageHandlers(staff.dashboard(), mailing.webhooks()));
      var account = new AccountHandlers(new AccountService(staff.guard().auth(), db, mailing.outbox(), mailing.replies(), origins,
          config.mail().enabled(), baseUrl, clock), staff.guard());
      var defence = new SpamDefence(new DefenceStore(db, clock), new SpentStore(db, clock), clock);
      var defenceRoutes = new Routes.Defence(new DefenceHandlers(defence, sites, origins),
          new DefencePageHandlers(staff.dashboard(), defence));
      var perspective = analysis.handlers();
      var imports = new ImportHandlers(db, new ImportConfig(config.maxUploadBytes(), new ImportLimits(config.maxCommentChars())),
          new ImportMeters(telemetry.registry()));
      Javalin server = Server.create(config.port(), config.maxRequestBytes(), config.demo(), true, config.trustedProxies(),
          ops.requestLog(), config.cacheDir(), routes -> {
            Routes.ops(routes, ops.health());
            Routes.register(routes, cors, commentHandlers, staff, perspective, imports, outgoing, account, crawl, defenceRoutes);
          });
      server.start();
      log.info("Parley listening on http://localhost:{} ({} database)", server.port(), db.dialect());
      parley.ops.HeapHint.forThisJvm().ifPresent(log::info); // advice, not a fault: plain java -jar is a supported start
      App app = new App(db, server, comments, sites, moderation, analysis, ops);
      app.mailing = mailing;
      app.live = live;
      boundPort.set(server.port());
      mailing.start();
      // comments a stop left published on the fast stage's scores alone get their final decision; in the background,
      // as it waits for the model
      Thread.ofVirtual().name("parley-settle-leftovers").start(() -> {
        try {
          int n = comments.settleLeftovers();
          if (n > 0) log.info("Decided again {} comments published on the fast stage's scores before a stop", n);
        } catch (RuntimeException e) {
          log.warn("Could not decide again the comments left provisional by a stop", e);
        }
      });
      return app;
    } catch (RuntimeException e) {
      if (mailing != null) mailing.close();
      if (live != null) live.close();
      if (moderation != null) moderation.close();
      if (analysis != null) analysis.close();
      db.close();
      telemetry.close();
      throw e;
    }
  }

  private static App startAnalysisOnly(ParleyConfig config, Database db, AnalysisModule analysis, Operations ops) {
    Javalin server = Server.create(config.port(), config.maxRequestBytes(), false, false, config.trustedProxies(),
        ops.requestLog(), routes -> {
          Routes.ops(routes, ops.health());
          Routes.analysis(routes, analysis.handlers());
        });
    server.start();
    log.info("Parley analysis API listening on http://localhost:{}/v1alpha1 ({} database)", server.port(), db.dialect());
    return new App(db, server, null, null, null, analysis, ops);
  }

  // without a model the analysis API answers 503 UNAVAILABLE; the server still starts
  private static Classifier requireModel(Classifier classifier) {
    if (classifier.off()) throw new IllegalStateException("no classifier model is available");
    return classifier;
  }

  private static void ensureSites(ParleyConfig config, SiteService sites) {
    if (config.demo() && sites.find(DemoSeeder.SITE).isEmpty()) {
      sites.upsert(DemoSeeder.SITE, "Parley demo", java.util.List.of());
    }
    for (Map.Entry<String, java.util.List<String>> site : config.sites().entrySet()) {
      sites.upsert(site.getKey(), site.getKey(), site.getValue());
    }
  }

  public int port() {
    return server.port();
  }

  public Database database() {
    return db;
  }

  public CommentService comments() {
    return comments;
  }

  public ModerationService moderation() {
    return moderation;
  }

  public SiteService sites() {
    return sites;
  }

  /** The outbox: emails and webhook calls committed with the changes that cause them (null in analysis-only mode). */
  public parley.mail.Outbox outbox() {
    return mailing == null ? null : mailing.outbox();
  }

  /** Metrics, health checks and the request log of this process. */
  public Operations ops() {
    return ops;
  }

  /** This instance's live-update streams (null when serving the analysis API only). */
  public LiveHub live() {
    return live;
  }

  public AnalysisModule analysis() {
    return analysis;
  }

  /**
   * Stops in the reverse order of start: readiness fails, the port closes and requests in flight finish, then the
   * scoring threads, the analysis module, the model (when the app loaded it), the pool and telemetry. Each step runs
   * even when an earlier one fails; the first failure is thrown with the others suppressed.
   */
  @Override
  public void close() {
    Closer closer = new Closer();
    closer.run(ops.health()::drain);
    if (live != null) closer.run(live::close); // open event streams would hold the server's stop for its grace period
    closer.run(this::stopServer);
    if (mailing != null) closer.run(mailing::close);
    if (moderation != null) closer.run(moderation::close);
    closer.run(analysis::close);
    closer.run(owned::close);
    closer.run(db::close);
    closer.run(ops.telemetry()::close);
    closer.rethrow();
  }

  /**
   * Stops the HTTP server. Jetty reports a request still running after the grace period as a failure, but it has
   * stopped the server all the same (the request was cut off): that is logged, not thrown, so the steps after it run
   * and a test's teardown does not fail on a slow machine.
   */
  private void stopServer() {
    try {
      server.stop();
    } catch (RuntimeException e) {
      Throwable cause = e;
      while (cause != null && !(cause instanceof java.util.concurrent.TimeoutException)) cause = cause.getCause();
      if (cause == null) throw e;
      log.warn("Stopped after the {} s grace period with requests still running", Server.SHUTDOWN_GRACE.toSeconds());
    }
  }

  /** Runs shutdown steps one after another, keeping the first failure and attaching the rest to it. */
  private static final class Closer {
    private RuntimeException failure;

    void run(Runnable step) {
      try {
        step.run();
      } catch (RuntimeException e) {
        if (failure == null) failure = e;
        else failure.addSuppressed(e);
      }
    }

    void rethrow() {
      if (failure != null) throw failure;
    }
  }
}
