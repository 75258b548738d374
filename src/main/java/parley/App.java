package parley;

import io.javalin.Javalin;
import java.time.Clock;
import java.util.Map;
import parley.classify.Classifier;
import parley.comment.ArrivalCheck;
import parley.comment.CommentHandlers;
import parley.comment.CommentService;
import parley.comment.CommentStore;
import parley.importing.ImportConfig;
import parley.importing.ImportHandlers;
import parley.moderation.ClassifierLoader;
import parley.moderation.ModerationService;
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

  private final Database db;
  private final Javalin server;
  private final CommentService comments;
  private final SiteService sites;
  private final ModerationService moderation;

  private App(Database db, Javalin server, CommentService comments, SiteService sites, ModerationService moderation) {
    this.db = db;
    this.server = server;
    this.comments = comments;
    this.sites = sites;
    this.moderation = moderation;
  }

  public static App start(ParleyConfig config) {
    return start(config, ClassifierLoader.loadDefault());
  }

  /** Starts with the given classifier; null moderates by word lists and policy only. */
  public static App start(ParleyConfig config, Classifier classifier) {
    Database db = Database.open(config.effectiveDatabaseUrl());
    try {
      SiteService sites = new SiteService(new SiteStore(db));
      ensureSites(config, sites);
      ThreadStore threads = new ThreadStore(db);
      ModerationService moderation = ModerationWiring.service(db, classifier);
      CommentService comments = new CommentService(db, sites, threads, new CommentStore(db), moderation,
          config.editWindow(), config.maxCommentChars(), Clock.systemUTC());
      // the demo discussion is the publisher's own sample content, not readers' comments: it is not moderated
      if (config.demo()) DemoSeeder.seedIfEmpty(new CommentService(db, sites, threads, new CommentStore(db),
          ArrivalCheck.PUBLISH_ALL, config.editWindow(), config.maxCommentChars(), Clock.systemUTC()));
      Cors cors = new Cors(sites, config.publicUrl());
      CommentHandlers commentHandlers = new CommentHandlers(comments, cors);
      Routes.Moderation staff = ModerationWiring.handlers(db, config, comments, moderation, cors);
      Javalin server = Server.create(config.port(), config.maxRequestBytes(), config.demo(),
          routes -> Routes.register(routes, cors, commentHandlers, staff,
              new ImportHandlers(db, new ImportConfig(config.maxUploadBytes()))));
      server.start();
      log.info("Parley listening on http://localhost:{} ({} database)", server.port(), db.dialect());
      return new App(db, server, comments, sites, moderation);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
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

  @Override
  public void close() {
    server.stop();
    db.close();
  }
}
