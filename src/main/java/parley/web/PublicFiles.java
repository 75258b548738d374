package parley.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The widget, demo page and language files ({@code /public} on the class path) as a plain directory. Served from
 * inside the fat jar, Jetty mounts the whole jar as a zip file system, reading the index of its 20,000 entries: about
 * a third of the time a start takes before its first answer. The dozen files are copied out of the jar instead, once
 * per jar (under {@code java.io.tmpdir}, where the SQLite and ONNX runtimes unpack their native libraries too).
 */
final class PublicFiles {
  private static final Logger log = LoggerFactory.getLogger(PublicFiles.class);
  private static final String FOLDER = "public";
  /** Written last, beside the served folder: a copy without it was left half-written. */
  private static final String COMPLETE = "complete";
  private static final String SERVED = "files";

  private PublicFiles() {}

  /** Unpacked once per process. */
  private static final class Holder {
    static final Optional<Path> DIRECTORY = find();
  }

  /** The folder to serve from, or empty to serve from the class path (Jetty's own way) if it cannot be had. */
  static Optional<Path> directory() {
    return Holder.DIRECTORY;
  }

  private static Optional<Path> find() {
    URL url = PublicFiles.class.getResource("/" + FOLDER);
    if (url == null) return Optional.empty();
    try {
      return switch (url.getProtocol()) {
        case "file" -> Optional.of(Path.of(url.toURI())); // classes on disk: tests, development
        case "jar" -> Optional.of(unpack(url));
        default -> Optional.empty();
      };
    } catch (IOException | URISyntaxException | RuntimeException e) {
      log.warn("serving the widget files from inside the jar (slower start): {}", e.toString());
      return Optional.empty();
    }
  }

  /**
   * Copies the entries under {@code folder} ({@code jar:file:…!/public}) into a folder named after the jar (its path,
   * size and time), or returns that folder if an earlier start made it. Jetty's ETags name the file's absolute path,
   * so a stable folder keeps them stable across restarts. Written under a temporary name and renamed, so a start
   * never serves a half-written copy; two starts racing both end up with the same folder.
   */
  static Path unpack(URL folder) throws IOException, URISyntaxException {
    String spec = folder.getPath(); // file:/path/parley.jar!/public
    Path jar = Path.of(URI.create(spec.substring(0, spec.indexOf("!/"))));
    String key = Integer.toHexString((jar.toAbsolutePath() + "|" + Files.size(jar) + "|"
        + Files.getLastModifiedTime(jar).toMillis()).hashCode());
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    Path target = tmp.resolve("parley-public-" + key);
    if (Files.isRegularFile(target.resolve(COMPLETE))) return target.resolve(SERVED);
    Path partial = Files.createTempDirectory(tmp, "parley-public-partial-");
    try (JarFile file = new JarFile(jar.toFile())) {
      var entries = file.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        String name = entry.getName();
        if (!name.startsWith(FOLDER + "/") || entry.isDirectory() || name.contains("..")) continue;
        Path to = partial.resolve(SERVED).resolve(name.substring(FOLDER.length() + 1)).normalize();
        if (!to.startsWith(partial.resolve(SERVED))) continue;
        Files.createDirectories(to.getParent());
        try (InputStream in = file.getInputStream(entry)) {
          Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
        // the jar's time, not the copy's: with the path it makes the ETag, the same for every start of this jar
        if (entry.getLastModifiedTime() != null) Files.setLastModifiedTime(to, entry.getLastModifiedTime());
      }
    }
    Files.createFile(partial.resolve(COMPLETE));
    try {
      delete(target); // an incomplete copy left by a start that was killed
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException raced) {
      delete(partial);
      if (!Files.isRegularFile(target.resolve(COMPLETE))) throw raced;
    }
    return target.resolve(SERVED);
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
