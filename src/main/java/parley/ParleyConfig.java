package parley;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import parley.web.TrustedProxies;
import parley.mail.MailConfig;
import parley.live.LiveConfig;
import parley.ops.OpsConfig;

/**
 * All of Parley's settings in one record. Built from defaults, then a properties file, then environment variables
 * ({@code PARLEY_PORT}, {@code PARLEY_DATABASE_URL}, ...), then command-line flags: the later wins.
 *
 * @param port HTTP port; 0 picks a free one
 * @param dataDir where the SQLite file and other local state live
 * @param databaseUrl JDBC URL; empty means SQLite at {@code dataDir/parley.db}
 * @param publicUrl the URL readers reach this server at; used in the demo page and allowed as an origin
 * @param editWindow how long an author may edit or delete their own comment
 * @param maxCommentChars the longest comment body accepted
 * @param maxRequestBytes the largest HTTP request body accepted
 * @param demo serve the demo article at / and seed it with a sample discussion
 * @param sites sites to create or update at start-up, as {@code id=origin1 origin2}
 * @param maxUploadBytes the largest import file an admin may upload over HTTP
 * @param trustedProxies reverse proxies whose forwarding headers name the reader's address and scheme
 * @param ops metrics access and log format
 * @param mail SMTP and the outbox ({@code smtp.*}, {@code outbox.*}); without {@code smtp.host} nothing is emailed
 * @param live live-update streams (caps, heartbeat) and moderators' claims
 * @param decideWithin how long a new comment's post waits for the accurate stage ({@code moderation.decide.within.ms},
 *     {@code off} to wait always): if it is later, a comment the fast stage finds clean is published on the fast
 *     stage's scores and the accurate stage's verdict follows in the background (docs/moderation.md, "Fast first")
 */
public record ParleyConfig(
    int port,
    Path dataDir,
    String databaseUrl,
    String publicUrl,
    Duration editWindow,
    int maxCommentChars,
    long maxRequestBytes,
    boolean demo,
    Map<String, List<String>> sites,
    long maxUploadBytes,
    TrustedProxies trustedProxies,
    OpsConfig ops,
    MailConfig mail,
    LiveConfig live,
    Duration decideWithin) {

  public static ParleyConfig defaults() {
    return new ParleyConfig(
        8080, Path.of("data"), "", "", Duration.ofMinutes(15), 10_000, 64 * 1024, true, Map.of(),
        512L * 1024 * 1024, TrustedProxies.NONE, OpsConfig.defaults(), MailConfig.defaults(),
        LiveConfig.defaults(), DEFAULT_DECIDE_WITHIN);
  }

  /** Keeps a post's p99 under 20 ms on two cores without AVX-512, where the accurate stage takes 17–40 ms. */
  public static final Duration DEFAULT_DECIDE_WITHIN = Duration.ofMillis(10);
  /** {@code moderation.decide.within.ms=off}: every new comment waits for the accurate stage. */
  public static final Duration ALWAYS_WAIT = Duration.ofDays(1);

  /** Defaults, overlaid by the file (if given and present), overlaid by the environment. */
  public static ParleyConfig load(Path file, Map<String, String> env) throws IOException {
    Properties props = new Properties();
    if (file != null) {
      try (Reader reader = Files.newBufferedReader(file)) {
        props.load(reader);
      }
    }
    env.forEach((name, value) -> {
      if (name.startsWith("PARLEY_")) {
        props.setProperty(name.substring(7).toLowerCase(Locale.ROOT).replace('_', '.'), value);
      }
    });
    return defaults().with(props);
  }

  ParleyConfig with(Properties p) {
    var sites = new java.util.LinkedHashMap<>(this.sites);
    for (String name : p.stringPropertyNames()) {
      if (name.startsWith("site.")) {
        sites.put(name.substring(5), List.of(p.getProperty(name).trim().split("[\\s,]+")));
      }
    }
    return new ParleyConfig(
        Integer.parseInt(p.getProperty("port", String.valueOf(port))),
        Path.of(p.getProperty("data.dir", dataDir.toString())),
        p.getProperty("database.url", databaseUrl),
        p.getProperty("public.url", publicUrl),
        Duration.ofMinutes(Long.parseLong(p.getProperty("edit.window.minutes", String.valueOf(editWindow.toMinutes())))),
        Integer.parseInt(p.getProperty("max.comment.chars", String.valueOf(maxCommentChars))),
        Long.parseLong(p.getProperty("max.request.bytes", String.valueOf(maxRequestBytes))),
        Boolean.parseBoolean(p.getProperty("demo", String.valueOf(demo))),
        Map.copyOf(sites),
        Long.parseLong(p.getProperty("import.max.upload.bytes", String.valueOf(maxUploadBytes))),
        p.containsKey("trusted.proxies") ? TrustedProxies.parse(p.getProperty("trusted.proxies")) : trustedProxies,
        ops.with(p),
        mail.with(p), live.with(p), decideWithin(p.getProperty("moderation.decide.within.ms"), decideWithin));
  }

  public ParleyConfig withPort(int port) {
    return new ParleyConfig(port, dataDir, databaseUrl, publicUrl, editWindow, maxCommentChars, maxRequestBytes, demo, sites, maxUploadBytes, trustedProxies, ops, mail, live, decideWithin);
  }

  /** Where files unpacked from the jar are kept: {@code cache.dir}, or {@code cache} in the data directory. */
  public Path cacheDir() {
    return ops.cacheDir().orElse(dataDir.resolve("cache"));
  }

  public ParleyConfig withDataDir(Path dataDir) {
    return new ParleyConfig(port, dataDir, databaseUrl, publicUrl, editWindow, maxCommentChars, maxRequestBytes, demo, sites, maxUploadBytes, trustedProxies, ops, mail, live, decideWithin);
  }

  public ParleyConfig withDatabaseUrl(String databaseUrl) {
    return new ParleyConfig(port, dataDir, databaseUrl, publicUrl, editWindow, maxCommentChars, maxRequestBytes, demo, sites, maxUploadBytes, trustedProxies, ops, mail, live, decideWithin);
  }

  public ParleyConfig withEditWindow(Duration editWindow) {
    return new ParleyConfig(port, dataDir, databaseUrl, publicUrl, editWindow, maxCommentChars, maxRequestBytes, demo, sites, maxUploadBytes, trustedProxies, ops, mail, live, decideWithin);
  }

  public ParleyConfig withMaxUploadBytes(long maxUploadBytes) {
    return new ParleyConfig(port, dataDir, databaseUrl, publicUrl, editWindow, maxCommentChars, maxRequestBytes, demo, sites, maxUploadBytes, trustedProxies, ops, mail, live, decideWithin);
  }

  public ParleyConfig withDemo(boolean demo) {
    return new ParleyConfig(port, dataDir, databaseUrl, publicUrl, editWindow, maxCommentChars, maxRequestBytes, demo, sites, maxUploadBytes, trustedProxies, ops, mail, live, decideWithin);
  }

  public ParleyConfig withOps(OpsConfig ops) {
    return new ParleyConfig(port, dataDir, databaseUrl, publicUrl, editWindow, maxCommentChars, maxRequestBytes, demo, sites, maxUploadBytes, trustedProxies, ops, mail, live, decideWithin);
  }

  public ParleyConfig withSite(String id, List<String> origins) {
    var sites = new java.util.LinkedHashMap<>(this.sites);
    sites.put(id, List.copyOf(origins));
    return new ParleyConfig(port, dataDir, databaseUrl, publicUrl, editWindow, maxCommentChars, maxRequestBytes, demo, Map.copyOf(sites), maxUploadBytes, trustedProxies, ops, mail, live, decideWithin);
  }

  public ParleyConfig withTrustedProxies(TrustedProxies trustedProxies) {
    return new ParleyConfig(port, dataDir, databaseUrl, publicUrl, editWindow, maxCommentChars, maxRequestBytes, demo, sites, maxUploadBytes, trustedProxies, ops, mail, live, decideWithin);
  }

  public ParleyConfig withMail(MailConfig mail) {
    return new ParleyConfig(port, dataDir, databaseUrl, publicUrl, editWindow, maxCommentChars, maxRequestBytes, demo, sites, maxUploadBytes, trustedProxies, ops, mail, live, decideWithin);
  }

  public ParleyConfig withLive(LiveConfig live) {
    return new ParleyConfig(port, dataDir, databaseUrl, publicUrl, editWindow, maxCommentChars, maxRequestBytes, demo, sites, maxUploadBytes, trustedProxies, ops, mail, live, decideWithin);
  }

  public ParleyConfig withDecideWithin(Duration decideWithin) {
    return new ParleyConfig(port, dataDir, databaseUrl, publicUrl, editWindow, maxCommentChars, maxRequestBytes, demo, sites, maxUploadBytes, trustedProxies, ops, mail, live, decideWithin);
  }

  private static Duration decideWithin(String value, Duration otherwise) {
    if (value == null) return otherwise;
    if (value.trim().equalsIgnoreCase("off")) return ALWAYS_WAIT;
    long ms;
    try {
      ms = Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("moderation.decide.within.ms must be a number of milliseconds or off, was '"
          + value + "'");
    }
    if (ms < 0) throw new IllegalArgumentException("moderation.decide.within.ms must not be negative, was " + ms);
    return Duration.ofMillis(ms);
  }

  /** The JDBC URL actually used: the configured one, or the embedded SQLite file. */
  public String effectiveDatabaseUrl() {
    return databaseUrl.isBlank() ? "jdbc:sqlite:" + dataDir.resolve("parley.db").toAbsolutePath() : databaseUrl;
  }
}
