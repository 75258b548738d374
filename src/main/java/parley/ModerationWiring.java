package parley;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import parley.admin.DashboardHandlers;
import parley.admin.ImportPageHandlers;
import parley.admin.SettingsHandlers;
import parley.admin.SiteAdminHandlers;
import parley.admin.UserPageHandlers;
import parley.auth.AccountStore;
import parley.auth.AuthHandlers;
import parley.auth.AuthService;
import parley.auth.Guard;
import parley.auth.LoginThrottle;
import parley.auth.SessionStore;
import parley.auth.SsoService;
import parley.classify.Classifier;
import parley.comment.CommentEvents;
import parley.comment.CommentService;
import parley.moderation.AuthorStore;
import parley.moderation.BanStore;
import parley.moderation.ModerationMeters;
import parley.moderation.ModerationService;
import parley.moderation.phase.Phases;
import parley.moderation.PolicyStore;
import parley.moderation.StaffNames;
import parley.live.EventLog;
import parley.live.LiveConfig;
import parley.live.LiveHandlers;
import parley.live.LiveHub;
import parley.moderation.queue.AuditStore;
import parley.moderation.queue.AuthorDirectory;
import parley.moderation.queue.AuthorHandlers;
import parley.moderation.queue.AuthorNotes;
import parley.moderation.queue.AuthorProfiles;
import parley.moderation.queue.Claims;
import parley.moderation.queue.ImportedAuthors;
import parley.moderation.queue.ModeratorActions;
import parley.moderation.queue.ArticleSettings;
import parley.moderation.queue.ArticleSettingsHandlers;
import parley.moderation.queue.ThreadMoves;
import parley.moderation.queue.QueueHandlers;
import parley.moderation.queue.QueueService;
import parley.moderation.queue.QueueStore;
import parley.moderation.queue.ReaderHandlers;
import parley.moderation.queue.ReportStore;
import parley.ops.Telemetry;
import parley.site.Origins;
import parley.store.Database;
import parley.web.Routes;

/** Wiring for moderation, accounts and the dashboard, kept apart so App stays short. */
final class ModerationWiring {
  /** How long the classifier may take before a comment is held as unscored. */
  static final Duration CLASSIFIER_BUDGET = Duration.ofSeconds(2);

  private ModerationWiring() {}

  static ModerationService service(Database db, Classifier classifier, Duration decideWithin, MeterRegistry meters,
      Clock clock) {
    AccountStore accounts = new AccountStore(db, clock);
    StaffNames staff = new StaffNames(site -> accounts.members(site).stream()
        .map(m -> new StaffNames.Member(m.accountId(), m.displayName())).toList(), clock);
    return new ModerationService(new PolicyStore(db, clock), Phases::forPolicy, new AuthorStore(db), new BanStore(db, clock),
        new parley.limit.TokenBuckets<>(ModerationService.MAX_RATE_KEYS, java.time.Duration.ofMinutes(1)),
        classifier, CLASSIFIER_BUDGET, decideWithin, staff, new ModerationMeters(meters), clock);
  }

  // pending and reported comments per site, counted when Prometheus scrapes rather than on every change
  private static void queueSizes(QueueService queues, Telemetry telemetry) {
    MultiGauge sizes = MultiGauge.builder("parley.queue.size").description("Comments waiting for moderators")
        .register(telemetry.registry());
    telemetry.refreshBeforeScrape(() -> sizes.register(queues.openWork().stream()
        .map(q -> MultiGauge.Row.of(Tags.of("site", q.siteId(), "queue", q.queue().key()), q.size()))
        .toList(), true));
  }

  /** The moderators' queue as live events describe it: counts per queue, and the claims that last. */
  static LiveHub.QueueView queueView(Database db, Clock clock) {
    QueueService queues = new QueueService(new QueueStore(db), new AuthorStore(db), new ReportStore(db, clock),
        new AuditStore(db, clock));
    Claims claims = claims(db, null, clock);
    return new LiveHub.QueueView() {
      @Override
      public java.util.Map<String, Integer> counts(String siteId) {
        java.util.Map<String, Integer> out = new java.util.LinkedHashMap<>();
        queues.counts(siteId).forEach((q, n) -> out.put(q.key(), n));
        return out;
      }

      @Override
      public java.util.List<?> claims(String siteId) {
        return claims.active(siteId);
      }
    };
  }

  private static Claims claims(Database db, ParleyConfig config, Clock clock) {
    Duration timeout = config == null ? LiveConfig.defaults().claimTimeout() : config.live().claimTimeout();
    return new Claims(db, new QueueStore(db), new EventLog(db, clock), timeout, clock);
  }

  static Routes.Moderation handlers(Database db, ParleyConfig config, CommentService comments,
      ModerationService moderation, Origins origins, Telemetry telemetry, Clock clock, CommentEvents events,
      LiveHandlers live, parley.site.SiteService sites) {
    boolean secure = config.publicUrl().startsWith("https:");
    AccountStore accounts = new AccountStore(db, clock);
    AuthService auth = new AuthService(accounts, new SessionStore(db, clock), new LoginThrottle(clock));
    SsoService sso = new SsoService(db, accounts, clock);
    Guard guard = new Guard(auth, sso);
    BanStore bans = new BanStore(db, clock);
    QueueStore queue = new QueueStore(db);
    AuditStore audit = new AuditStore(db, clock);
    ReportStore reports = new ReportStore(db, clock, events);
    QueueService queues = new QueueService(queue, new AuthorStore(db), reports, audit, moderation::trust);
    queueSizes(queues, telemetry);
    Claims claims = claims(db, config, clock);
    ModeratorActions actions = new ModeratorActions(db, queue, audit, bans, new parley.thread.ThreadStore(db), events,
        claims);
    DashboardHandlers dashboard = new DashboardHandlers(auth, queues, moderation, secure);
    AuthorNotes notes = new AuthorNotes(db, queue, clock);
    ImportedAuthors imported = new ImportedAuthors(db, queue);
    AuthorDirectory directory = new AuthorDirectory(db, clock, imported);
    AuthorProfiles profiles = new AuthorProfiles(queue, new AuthorStore(db), reports, audit, notes, bans,
        moderation::trust, imported);
    ThreadMoves moves = new ThreadMoves(db, new parley.thread.ThreadStore(db), sites, audit, clock);
    ArticleSettings articles = new ArticleSettings(db, new parley.thread.ThreadStore(db), audit);
    return new Routes.Moderation(guard, new AuthHandlers(auth, sso, guard, secure),
        new ReaderHandlers(comments, queues, moderation, origins), new QueueHandlers(queues, actions, claims, clock, notes),
        new SiteAdminHandlers(moderation, auth, sso), dashboard,
        new SettingsHandlers(dashboard, moderation, auth, sso, new parley.analysis.ApiKeys(db, clock), moves, sites),
        new ImportPageHandlers(dashboard, config.maxUploadBytes()), live,
        new ArticleSettingsHandlers(articles, moves), new AuthorHandlers(directory, profiles),
        new UserPageHandlers(dashboard, directory, profiles, actions, clock),
        new parley.admin.ArticlePageHandlers(dashboard, articles));
  }
}
