package parley;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParleyConfigTest {
  @Test
  void defaultsNeedNoSetUp() {
    ParleyConfig c = ParleyConfig.defaults();
    assertThat(c.port()).isEqualTo(8080);
    assertThat(c.effectiveDatabaseUrl()).startsWith("jdbc:sqlite:").endsWith("data/parley.db");
    assertThat(c.demo()).isTrue();
  }

  @Test
  void widgetFilesAreUnpackedBesideTheDataUnlessACacheFolderIsSet() throws Exception {
    assertThat(ParleyConfig.load(null, Map.of("PARLEY_DATA_DIR", "/srv/parley")).cacheDir())
        .isEqualTo(Path.of("/srv/parley/cache"));
    assertThat(ParleyConfig.load(null, Map.of("PARLEY_DATA_DIR", "/srv/parley", "PARLEY_CACHE_DIR", "/var/cache/parley"))
        .cacheDir()).isEqualTo(Path.of("/var/cache/parley"));
    assertThat(ParleyConfig.load(null, Map.of("PARLEY_CACHE_DIR", " ")).cacheDir()).isEqualTo(Path.of("data/cache"));
  }

  @Test
  void theModelFolderIsTheShippedOneUnlessSet() throws Exception {
    assertThat(ParleyConfig.defaults().ops().modelDir()).isEmpty();
    assertThat(ParleyConfig.load(null, Map.of("PARLEY_MODEL_DIR", "/var/lib/parley/model")).ops().modelDir())
        .contains(Path.of("/var/lib/parley/model"));
    assertThat(ParleyConfig.load(null, Map.of("PARLEY_MODEL_DIR", " ")).ops().modelDir()).isEmpty();
  }

  @Test
  void environmentOverridesTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("parley.properties");
    Files.writeString(file, """
        port=9000
        edit.window.minutes=5
        site.news=https://news.example, https://www.news.example
        database.url=jdbc:sqlite:/tmp/from-file.db
        """);
    ParleyConfig c = ParleyConfig.load(file, Map.of(
        "PARLEY_DATABASE_URL", "jdbc:postgresql://db/parley", "PARLEY_DEMO", "false", "HOME", "/root"));
    assertThat(c.port()).isEqualTo(9000);
    assertThat(c.editWindow()).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.databaseUrl()).isEqualTo("jdbc:postgresql://db/parley");
    assertThat(c.demo()).isFalse();
    assertThat(c.sites()).containsEntry("news", List.of("https://news.example", "https://www.news.example"));
  }

  @Test
  void thePerspectiveCompatibleApiScoresWithTheAccurateStageUnlessSet() throws Exception {
    assertThat(ParleyConfig.defaults().ops().analysisStage()).isEqualTo(parley.classify.Stage.ACCURATE);
    assertThat(ParleyConfig.load(null, Map.of("PARLEY_ANALYSIS_STAGE", "Fast")).ops().analysisStage())
        .isEqualTo(parley.classify.Stage.FAST);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ParleyConfig.load(null, Map.of("PARLEY_ANALYSIS_STAGE", "semantic")))
        .hasMessageContaining("analysis.stage must be fast or accurate, not 'semantic'");
  }

  @Test
  void howLongAPostWaitsForTheAccurateStage() throws Exception {
    assertThat(ParleyConfig.defaults().decideWithin()).isEqualTo(Duration.ofMillis(10));
    assertThat(ParleyConfig.load(null, Map.of("PARLEY_MODERATION_DECIDE_WITHIN_MS", "25")).decideWithin())
        .isEqualTo(Duration.ofMillis(25));
    assertThat(ParleyConfig.load(null, Map.of("PARLEY_MODERATION_DECIDE_WITHIN_MS", "OFF")).decideWithin())
        .isEqualTo(ParleyConfig.ALWAYS_WAIT);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ParleyConfig.load(null, Map.of("PARLEY_MODERATION_DECIDE_WITHIN_MS", "soon")))
        .hasMessageContaining("moderation.decide.within.ms must be a number of milliseconds or off, was 'soon'");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ParleyConfig.load(null, Map.of("PARLEY_MODERATION_DECIDE_WITHIN_MS", "-1")))
        .hasMessageContaining("must not be negative");
  }

  @Test
  void smtpAndOutboxSettingsComeFromFileAndEnvironment(@TempDir Path dir) throws Exception {
    assertThat(ParleyConfig.defaults().mail().enabled()).as("email is off until smtp.host is set").isFalse();
    Path file = dir.resolve("parley.properties");
    Files.writeString(file, """
        smtp.host=smtp.news.example
        smtp.from=News <comments@news.example>
        outbox.retry.seconds=10
        notify.digest.minutes=15
        """);
    ParleyConfig c = ParleyConfig.load(file, Map.of("PARLEY_SMTP_PORT", "465", "PARLEY_SMTP_SECURITY", "tls",
        "PARLEY_SMTP_USERNAME", "parley", "PARLEY_OUTBOX_MAX_ATTEMPTS", "3"));
    var mail = c.mail();
    assertThat(mail.enabled()).isTrue();
    assertThat(mail.host()).isEqualTo("smtp.news.example");
    assertThat(mail.port()).isEqualTo(465);
    assertThat(mail.security()).isEqualTo(parley.mail.MailConfig.Security.TLS);
    assertThat(mail.username()).isEqualTo("parley");
    assertThat(mail.from()).isEqualTo("News <comments@news.example>");
    assertThat(mail.maxAttempts()).isEqualTo(3);
    assertThat(mail.backoff(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(mail.backoff(3)).isEqualTo(Duration.ofSeconds(40));
    assertThat(mail.digestEvery()).isEqualTo(Duration.ofMinutes(15));
  }
}
