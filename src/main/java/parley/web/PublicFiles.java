package parley.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The widget, demo page and language files ({@code /public} on the class path) as a plain directory. Served from
 * inside the fat jar, Jetty mounts the whole jar as a zip file system, reading the index of its 20,000 entries: about
 * a third of the time a start takes before its first answer. The dozen files are copied out of the jar instead, once
 * per jar, into the cache folder ({@code cache.dir}; the temp folder only if that cannot be written, since tmpfiles
 * cleaners age copies out of it while Parley runs).
 */
final class PublicFiles {
  private static final Logger log = LoggerFactory.getLogger(PublicFiles.class);
  private static final String FOLDER = "public";
  /** The last resort for a cache folder that cannot be written, and the folder of servers built without a config. */
  static final Path TEMP = Path.of(System.getProperty("java.io.tmpdir"));
  /**
   * Written last, beside the served folder: each file's path and size, one a line. A copy without it was left
   * half-written; a copy whose files no longer match it lost some to a cleaner, and is made again.
   */
  private static final String COMPLETE = "complete";
  private static final String SERVED = "files";
  /** Unpacked once per process and cache folder. */
  private static final Map<Path, Optional<Path>> UNPACKED = new ConcurrentHashMap<>();

  private PublicFiles() {}

  /** The folder to serve from, or empty to serve from the class path (Jetty's own way) if it cannot be had. */
  static Optional<Path> directory(Path cacheDir) {
    return UNPACKED.computeIfAbsent(cacheDir.toAbsolutePath().normalize(), PublicFiles::find);
  }

  private static Optional<Path> find(Path cacheDir) {
    URL url = PublicFiles.class.getResource("/" + FOLDER);
    if (url == null) return Optional.empty();
    try {
      return switch (url.getProtocol()) {
        case "file" -> Optional.of(Path.of(url.toURI())); // classes on disk: tests, development
        case "jar" -> Optional.of(unpackSomewhere(url, cacheDir));
        default -> Optional.empty();
      };
    } catch (IOException | URISyntaxException | RuntimeException e) {
      log.warn("serving the widget files from inside the jar (slower start): {}", e.toString());
      return Optional.empty();
    }
  }

  static Path unpackSomewhere(URL folder, Path cacheDir) throws IOException, URISyntaxException {
    try {
      return unpack(folder, cacheDir);
    } catch (IOException e) {
      if (cacheDir.equals(TEMP)) throw e;
      log.warn("cannot write the cache folder {} ({}); unpacking the widget files into {}", cacheDir, e, TEMP);
      return unpack(folder, TEMP);
    }
  }

  /**
   * Copies the entries under {@code folder} ({@code jar:file:…!/public}) into a folder of {@code cacheDir} named after
   * the jar (its path, size and time), or returns that folder if an earlier start made it and all its files are
   * still there. Jetty's ETags name the file's absolute path, so a stable folder keeps them stable across restarts.
   * Written under a temporary name and renamed, so a start never serves a half-written copy; two starts racing both
   * end up with the same folder.
   */
  static Path unpack(URL folder, Path cacheDir) throws IOException, URISyntaxException {
    String spec = folder.getPath(); // file:/path/parley.jar!/public
    Path jar = Path.of(URI.create(spec.substring(0, spec.indexOf("!/"))));
    String key = Integer.toHexString((jar.toAbsolutePath() + "|" + Files.size(jar) + "|"
        + Files.getLastModifiedTime(jar).toMillis()).hashCode());
    Files.createDirectories(cacheDir);
    Path target = cacheDir.resolve("parley-public-" + key);
    if (intact(target)) return target.resolve(SERVED);
    Path partial = Files.createTempDirectory(cacheDir, "parley-public-partial-");
    var manifest = new StringBuilder();
    try (JarFile file = new JarFile(jar.toFile())) {
      var entries = file.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        String name = entry.getName();
        if (!name.startsWith(FOLDER + "/") || entry.isDirectory() || name.contains("..")) continue;
        String relative = name.substring(FOLDER.length() + 1);
        Path to = partial.resolve(SERVED).resolve(relative).normalize();
        if (!to.startsWith(partial.resolve(SERVED)) || relative.contains("\t") || relative.contains("\n")) continue;
        Files.createDirectories(to.getParent());
        try (InputStream in = file.getInputStream(entry)) {
          Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
        // the jar's time, not the copy's: with the path it makes the ETag, the same for every start of this jar
        if (entry.getLastModifiedTime() != null) Files.setLastModifiedTime(to, entry.getLastModifiedTime());
        manifest.append(relative).append('\t').append(Files.size(to)).append('\n');
      }
    }
    Files.writeString(partial.resolve(COMPLETE), manifest);
    try {
      delete(target); // an incomplete copy left by a start that was killed, or one a cleaner thinned out
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException raced) {
      delete(partial);
      if (!intact(target)) throw raced;
    }
    return target.resolve(SERVED);
  }

  /** Whether {@code target} holds a finished copy with every file it listed, at its size. */
  private static boolean intact(Path target) throws IOException {
    Path manifest = target.resolve(COMPLETE);
    if (!Files.isRegularFile(manifest)) return false;
    var lines = Files.readAllLines(manifest);
    if (lines.isEmpty()) return false; // written by an older release, which listed nothing
    for (String line : lines) {
      int tab = line.lastIndexOf('\t');
      if (tab < 0) return false;
      Path file = target.resolve(SERVED).resolve(line.substring(0, tab));
      if (!Files.isRegularFile(file) || Files.size(file) != Long.parseLong(line.substring(tab + 1))) return false;
    }
    return true;
  }
  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
