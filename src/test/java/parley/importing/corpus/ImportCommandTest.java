package parley.importing.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14: `parley import … --dry-run` reports the file by kind with its warnings and writes nothing. */
class ImportCommandTest {
  @TempDir Path dir;

  Cli parley(String... args) {
    return Cli.run(dir.resolve("data"), args);
  }

  @Test
  void dryRunReportsKindsAndWarningsAndWritesNothing() {
    String file = CorpusTest.file("wxr-11-1.2-pingbacks-states.xml").toString();
    Cli dry = parley("import", "wordpress", file, "--site", "blog", "--dry-run");
    assertThat(dry.exit()).as(dry.out()).isZero();
    assertThat(dry.out()).contains("nothing written", "comments 5 (published 2, held 1, rejected 1, deleted 1)",
        "pingbacks/trackbacks/notes skipped 2", "skipped 2 pingbacks");
    assertThat(Files.exists(dir.resolve("data"))).as("no database is even created").isFalse();

    Cli real = parley("import", "wordpress", file, "--site", "blog");
    assertThat(real.exit()).as(real.out()).isZero();
    assertThat(real.out()).contains("Imported 5 comments (5 new", "held 1, rejected 1", "pingbacks/trackbacks/notes skipped 2");
  }

  @Test
  void aMalformedFileFailsBeforeAnythingIsWritten() {
    Cli bad = parley("import", "disqus", CorpusTest.file("bad-truncated.xml").toString(), "--site", "blog");
    assertThat(bad.exit()).isNotZero();
    assertThat(Files.exists(dir.resolve("data"))).as("the check comes before the database is opened").isFalse();
  }

  @Test
  void issoDatabasesAndComentarioExportsHaveTheirCommands() {
    String isso = parley.importing.isso.IssoFixture.database(CorpusTest.file("isso-18-comments.sql")).toString();
    Cli dry = parley("import", "isso", isso, "--site", "blog", "--dry-run");
    assertThat(dry.exit()).as(dry.out()).isZero();
    assertThat(dry.out()).contains("nothing written", "threads 2, comments 6 (published 4, held 1, rejected 0, deleted 1)");

    Cli comentario = parley("import", "comentario", CorpusTest.file("comentario-19-export-v3.json").toString(),
        "--site", "blog");
    assertThat(comentario.exit()).as(comentario.out()).isZero();
    assertThat(comentario.out()).contains("Imported 6 comments (6 new", "held 1, rejected 1, deleted 1");

    Cli notIsso = parley("import", "isso", CorpusTest.file("bad-not-xml.xml").toString(), "--site", "blog");
    assertThat(notIsso.exit()).isNotZero();
  }
}
