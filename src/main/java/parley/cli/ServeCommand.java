package parley.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import parley.App;
import parley.ParleyConfig;
import parley.classify.Stage;
import parley.moderation.ClassifierLoader;
import parley.ops.OpsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parley serve}: starts the HTTP server and runs until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the Parley server.")
public final class ServeCommand implements Callable<Integer> {
  @Option(names = "--config", description = "Properties file with settings (see README).")
  Path configFile;

  @Option(names = "--port", description = "HTTP port (default 8080; 0 = any free port).")
  Integer port;

  @Option(names = "--data-dir", description = "Directory for the SQLite database (default ./data).")
  Path dataDir;

  @Option(names = "--database-url", description = "JDBC URL, e.g. jdbc:postgresql://127.0.0.1:5432/parley?user=postgres")
  String databaseUrl;

  @Option(names = "--demo", negatable = true, description = "Serve and seed the demo article at / (default on; --no-demo turns it off).")
  Boolean demo;

  @Option(names = "--only", paramLabel = "analysis",
      description = "Serve only the named part: 'analysis' = the Perspective-compatible API alone (no widget, no comments).")
  String only;

  @Option(names = "--analysis-stage",
      description = "Classifier stage for /v1alpha1/comments:analyze: accurate (default; analysis.stage) or fast (n-grams alone, for volume).")
  Stage analysisStage;

  @Option(names = "--model", description = "Model folder written by 'parley train' (default: model.dir, else the model in the jar).")
  Path model;

  @Override
  public Integer call() throws Exception {
    ParleyConfig config = config();
    if (only != null && !only.equals("analysis")) {
      System.err.println("--only accepts: analysis");
      return 2;
    }
    App.Mode mode = only == null ? App.Mode.FULL : App.Mode.ANALYSIS_ONLY;
    Stage stage = analysisStage != null ? analysisStage : config.ops().analysisStage(); // the option, else analysis.stage
    // the shipped model is read once the server listens (see ClassifierLoader): thread reads do not wait for it
    var listening = new java.util.concurrent.CompletableFuture<Void>();
    App app;
    parley.classify.Classifier classifier;
    try {
      Path modelDir = model != null ? model : config.ops().modelDir().orElse(null);
      classifier = modelDir == null ? ClassifierLoader.loadDefaultInBackground(listening) : load(modelDir);
      app = App.start(config, mode, classifier, stage);
    } finally {
      listening.complete(null);
    }
    app.analysis().warmUpInBackground(stage);
    CountDownLatch stopped = new CountDownLatch(1);
    boolean json = config.ops().logFormat() == OpsConfig.LogFormat.JSON;
    java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
    // SIGTERM (systemd, Docker, Kubernetes): readiness fails, the port closes, requests in flight finish, pool closes
    Runnable stop = () -> {
      if (!stopping.compareAndSet(false, true)) return;
      say(json, "stopping", "Parley is stopping: finishing requests in flight");
      app.close();
      // waits for a native call in flight (the model's warm-up opening its session, a score) and refuses new ones
      classifier.close();
      say(json, "stopped", "Parley stopped");
      stopped.countDown();
    };
    // ONNX Runtime frees its environment in a JVM shutdown hook of its own, which runs beside ours: a model still
    // being opened or scoring then crashes the process (SIGSEGV). So TERM and INT stop Parley first, and only then
    // does the JVM shut down; the hook stays for any other way out.
    for (String name : new String[] {"TERM", "INT"}) {
      sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> Thread.ofPlatform().name("parley-stop").start(() -> {
        stop.run();
        System.exit(0);
      }));
    }
    Runtime.getRuntime().addShutdownHook(new Thread(stop));
    say(json, "running", mode == App.Mode.FULL
        ? "Parley is running: http://localhost:" + app.port() + "/"
        : "Parley analysis API is running: http://localhost:" + app.port() + "/v1alpha1");
    stopped.await();
    return 0;
  }

  /** A life-cycle line on stdout; with log.format=json a JSON object, so stdout holds nothing else for a log shipper. */
  private static void say(boolean json, String event, String message) {
    if (!json) {
      System.out.println(message);
      return;
    }
    var line = new java.util.LinkedHashMap<String, Object>();
    line.put("ts", java.time.Instant.now().toString());
    line.put("event", event);
    line.put("message", message);
    System.out.println(parley.kit.Json.MAPPER.valueToTree(line));
  }

  private static parley.classify.Classifier load(Path dir) {
    try {
      return parley.classify.Models.load(dir);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  ParleyConfig config() throws java.io.IOException {
    ParleyConfig config = ParleyConfig.load(configFile, System.getenv());
    if (port != null) config = config.withPort(port);
    if (dataDir != null) config = config.withDataDir(dataDir);
    if (databaseUrl != null) config = config.withDatabaseUrl(databaseUrl);
    if (demo != null) config = config.withDemo(demo);
    return config;
  }
}
