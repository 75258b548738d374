package parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public folder of a fat jar, copied out to be served as plain files. */
class PublicFilesTest {
  private static final FileTime BUILT = FileTime.fromMillis(1_700_000_000_000L);

  @Test
  void copiesThePublicFolderOfAJarAndNothingElse(@TempDir Path dir) throws Exception {
    URL folder = jarWithPublicFiles(dir);
    Path cache = dir.resolve("cache");

    Path served = PublicFiles.unpack(folder, cache);
    assertThat(served).startsWith(cache);
    assertThat(Files.readString(served.resolve("embed.js"))).isEqualTo("console.log('widget')");
    assertThat(Files.readString(served.resolve("lang/de.json"))).contains("Senden");
    assertThat(Files.getLastModifiedTime(served.resolve("embed.js")).toMillis()).isEqualTo(BUILT.toMillis());
    try (var files = Files.walk(served)) {
      assertThat(files.filter(Files::isRegularFile).map(p -> served.relativize(p).toString().replace('\\', '/')))
          .containsExactlyInAnyOrder("embed.js", "lang/de.json");
    }
    assertThat(served.getParent().resolve("escaped.txt")).doesNotExist();
    assertThat(served.getParent().getParent().resolve("escaped.txt")).doesNotExist();
    // the next start of the same jar serves the same folder: the same paths, so the same ETags
    assertThat(PublicFiles.unpack(folder, cache)).isEqualTo(served);
  }

  @Test
  void aCopyThatLostFilesToACleanerIsMadeAgainAtTheNextStart(@TempDir Path dir) throws Exception {
    URL folder = jarWithPublicFiles(dir);
    Path served = PublicFiles.unpack(folder, dir.resolve("cache"));
    Files.delete(served.resolve("lang/de.json")); // aged out: the copy carries the jar's old timestamps
    Files.writeString(served.resolve("embed.js"), "trunc");

    assertThat(PublicFiles.unpack(folder, dir.resolve("cache"))).isEqualTo(served);
    assertThat(Files.readString(served.resolve("lang/de.json"))).contains("Senden");
    assertThat(Files.readString(served.resolve("embed.js"))).isEqualTo("console.log('widget')");
  }

  @Test
  void aCacheFolderThatCannotBeWrittenFallsBackToTheTempFolder(@TempDir Path dir) throws Exception {
    URL folder = jarWithPublicFiles(dir);
    Path notAFolder = Files.writeString(dir.resolve("a-file"), "x");

    Path served = PublicFiles.unpackSomewhere(folder, notAFolder.resolve("cache"));
    try {
      assertThat(served).startsWith(PublicFiles.TEMP);
      assertThat(Files.readString(served.resolve("embed.js"))).isEqualTo("console.log('widget')");
    } finally {
      try (var files = Files.walk(served.getParent())) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void classesOnDiskAreServedWhereTheyAre(@TempDir Path dir) {
    assertThat(PublicFiles.directory(dir)).hasValueSatisfying(d -> assertThat(d.resolve("embed.js")).exists());
    try (var written = Files.list(dir)) {
      assertThat(written).as("nothing unpacked").isEmpty();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static URL jarWithPublicFiles(Path dir) throws Exception {
    Path jar = dir.resolve("parley.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      put(out, "parley/App.class", "not public");
      put(out, "public/embed.js", "console.log('widget')");
      put(out, "public/lang/de.json", "{\"post\": \"Senden\"}");
      put(out, "public/../../escaped.txt", "outside");
      put(out, "publicity/notes.txt", "a folder that only starts like it");
    }
    return URI.create("jar:" + jar.toUri() + "!/public").toURL();
  }

  private static void put(JarOutputStream out, String name, String content) throws Exception {
    JarEntry entry = new JarEntry(name);
    entry.setLastModifiedTime(BUILT);
    out.putNextEntry(entry);
    OutputStream body = out;
    body.write(content.getBytes(StandardCharsets.UTF_8));
    out.closeEntry();
  }
}
