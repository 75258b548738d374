package parley.web;

import parley.kit.Json;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.time.Duration;
import java.util.function.Consumer;
import org.eclipse.jetty.server.handler.GracefulHandler;

/** Javalin on virtual threads: JSON mapper, size limits, compression, static widget files, error mapping. */
public final class Server {
  /** How long a stopping server waits for requests in flight; below Docker's and systemd's kill timeouts. */
  public static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(8);

  private Server() {}

  public static Javalin create(int port, long maxRequestBytes, boolean serveDemoPage, Consumer<RoutesConfig> routes) {
    return create(port, maxRequestBytes, serveDemoPage, true, TrustedProxies.NONE, routes);
  }

  /** {@code serveStaticFiles} false serves no widget or demo files at all (an API-only server). */
  public static Javalin create(int port, long maxRequestBytes, boolean serveDemoPage, boolean serveStaticFiles,
      TrustedProxies proxies, Consumer<RoutesConfig> routes) {
    return create(port, maxRequestBytes, serveDemoPage, serveStaticFiles, proxies, null, routes);
  }

  /** {@code requestLog} (null: none) gives each request an id, a log line and a place in the metrics. */
  public static Javalin create(int port, long maxRequestBytes, boolean serveDemoPage, boolean serveStaticFiles,
      RequestLog requestLog, Consumer<RoutesConfig> routes) {
    return create(port, maxRequestBytes, serveDemoPage, serveStaticFiles, TrustedProxies.NONE, requestLog, routes);
  }

  public static Javalin create(int port, long maxRequestBytes, boolean serveDemoPage, boolean serveStaticFiles,
      TrustedProxies proxies, RequestLog requestLog, Consumer<RoutesConfig> routes) {
    return create(port, maxRequestBytes, serveDemoPage, serveStaticFiles, proxies, requestLog, PublicFiles.TEMP, routes);
  }

  /** {@code cacheDir}: where the widget files are unpacked when Parley runs from its jar. */
  public static Javalin create(int port, long maxRequestBytes, boolean serveDemoPage, boolean serveStaticFiles,
      TrustedProxies proxies, RequestLog requestLog, java.nio.file.Path cacheDir, Consumer<RoutesConfig> routes) {
    return Javalin.create(config -> {
      // on stop: close the listening socket first, then let requests in flight finish (up to the grace period)
      config.jetty.modifyServer(server -> {
        server.setStopTimeout(SHUTDOWN_GRACE.toMillis());
        server.insertHandler(new GracefulHandler());
      });
      if (requestLog != null) {
        config.requestLogger.http(requestLog::finished);
        config.routes.before(requestLog::assignId);
      }
      config.concurrency.useVirtualThreads = true;
      config.jetty.port = port;
      config.http.maxRequestSize = maxRequestBytes;
      config.jsonMapper(new JavalinJackson(Json.MAPPER, true));
      config.startup.showJavalinBanner = false;
      // every ctx.ip() and ctx.scheme() in Parley (limits, bans, throttles, reports, votes, audit) goes through here
      config.contextResolver.ip = proxies::clientIp;
      config.contextResolver.scheme = proxies::scheme;
      var publicFiles = serveStaticFiles ? PublicFiles.directory(cacheDir) : java.util.Optional.<java.nio.file.Path>empty();
      if (serveStaticFiles) config.staticFiles.add(files -> {
        files.hostedPath = "/";
        files.directory = publicFiles.map(java.nio.file.Path::toString).orElse("/public");
        files.location = publicFiles.isPresent() ? Location.EXTERNAL : Location.CLASSPATH;
        files.precompressMaxSize = 512 * 1024;
        // public assets only; the widget on a publisher's page fetches its language (lang/xx.json) across origins
        files.headers = java.util.Map.of("Cache-Control", "public, max-age=300", "Access-Control-Allow-Origin", "*");
        if (!serveDemoPage) files.skipFileFunction = req -> req.getRequestURI().equals("/")
            || req.getRequestURI().equals("/index.html");
      });
      SecurityHeaders.register(config.routes);
      ErrorMapper.register(config.routes);
      routes.accept(config.routes);
    });
  }
}
