package parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.testing.CliRun;

/**
 * {@code parley moderate --dry-run} shows a publisher what the site would do before switching: by default it judges with
 * the stage live comments get (the shipped model's: accurate), not a cheaper one that would understate what is held.
 */
class ModerateCommandTest {
  /** Group derogation without abusive words, which the n-gram stage lets through, and ordinary comments. */
  static final List<String> COMMENTS = List.of(
      "Kurds only know how to take handouts, they never give anything back.",
      "Bosnian families ruin every street they move into, lock up your bikes.",
      "Gypsies are not people you can live next door to.",
      "Muslims should not be trusted with any public office.",
      // below the fast stage's lines since the hold lines were re-chosen for the distilled network (session 18)
      "Nigerians lie as easily as they breathe.",
      "Albanians would sell their own mothers for a few euros.",
      "The council voted to extend the bus lane on Mill Road.",
      "Thanks for the article, the photos of the old harbour are lovely.",
      "I disagree with the mayor, the budget for libraries should not be cut.");

  @TempDir Path dir;

  @Test
  void aDryRunJudgesWithTheStageLiveCommentsGet() throws Exception {
    Path export = disqusExport();
    CliRun byDefault = CliRun.of("moderate", "--dry-run", export.toString(), "--format", "disqus");
    CliRun accurate = CliRun.of("moderate", "--dry-run", export.toString(), "--format", "disqus", "--stage", "accurate");
    CliRun fast = CliRun.of("moderate", "--dry-run", export.toString(), "--format", "disqus", "--stage", "fast");
    for (CliRun r : List.of(byDefault, accurate, fast)) assertThat(r.code()).as(r.stderr()).isZero();

    assertThat(byDefault.stderr()).contains("Scoring with the accurate stage (the model's default).");
    assertThat(fast.stderr()).contains("Scoring with the fast stage.");
    assertThat(byDefault.stdout()).contains("Re-scored 9 comments", "Dry run: nothing was changed.");
    assertThat(held(byDefault)).isEqualTo(held(accurate)).isGreaterThan(held(fast));
    assertThat(count(byDefault, "publish")).isGreaterThanOrEqualTo(3); // the ordinary comments stay published
  }

  private static long held(CliRun r) {
    return count(r, "hold");
  }

  private static long count(CliRun r, String verdict) {
    Matcher m = Pattern.compile("(?m)^\\s+" + verdict + "\\s+([\\d,]+)").matcher(r.stdout());
    assertThat(m.find()).as(r.stdout()).isTrue();
    return Long.parseLong(m.group(1).replace(",", ""));
  }

  private Path disqusExport() throws Exception {
    StringBuilder xml = new StringBuilder("""
        <?xml version="1.0" encoding="utf-8"?>
        <disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
          <thread dsq:id="1"><link>https://news.example.org/2026/12/council/</link><title>Council</title>
            <createdAt>2026-12-01T09:00:00Z</createdAt></thread>
        """);
    for (int i = 0; i < COMMENTS.size(); i++) {
      xml.append("""
            <post dsq:id="%d"><message><![CDATA[<p>%s</p>]]></message><createdAt>2026-12-01T10:%02d:00Z</createdAt>
              <author><name>Reader %d</name></author><thread dsq:id="1" /></post>
          """.formatted(100 + i, COMMENTS.get(i), i, i));
    }
    return Files.writeString(dir.resolve("export.xml"), xml.append("</disqus>\n").toString());
  }
}
