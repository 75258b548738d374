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
}
