package parley.classify.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.classify.SpanMix;
import parley.classify.TransformerStage;

/**
 * The blend of span branch and word table chosen by {@code parley train} on a small hand-made toxic_spans file (the
 * shipped network, branch and table; the datasets are not needed).
 */
class SpanTrainerTest {
  private static final String[] INSULTS = {"idiot", "moron", "clown", "fool", "liar", "hack", "loser", "bigot", "buffoon", "imbecile"};
  private static final String[] TEMPLATES = {"The mayor is a %s and should resign before the election.",
      "Only a %s would write an article like this about the budget.", "What a %s, honestly, this columnist never learns.",
      "Go away, you %s, nobody here cares about your opinion on trams."};

  private static void copyShipped(String name, Path dir) throws IOException {
    try (InputStream in = TransformerStage.class.getResourceAsStream("/parley/model/" + name)) {
      Files.copy(in, dir.resolve(name));
    }
  }

  @Test
  void choosesAndWritesTheBlendThatMarksTheInsults(@TempDir Path tmp) throws IOException {
    Path data = Files.createDirectories(tmp.resolve("data/toxic_spans")), model = Files.createDirectories(tmp.resolve("model"));
    ObjectMapper json = new ObjectMapper();
    List<String> rows = new ArrayList<>();
    int n = 0;
    for (String insult : INSULTS) {
      for (String template : TEMPLATES) {
        String text = String.format(template, insult);
        int at = text.indexOf(insult);
        String split = n++ % 5 == 4 ? "dev" : "train";
        rows.add(json.writeValueAsString(Map.of("id", "r" + n, "text", text, "split", split, "labels", Map.of("toxic", 1),
            "meta", Map.of("spans", List.of(List.of(at, at + insult.length()))))));
      }
    }
    Files.write(data.resolve("toxic_spans.jsonl"), rows);
    for (String f : List.of("transformer.onnx", "spans.onnx", "spans.tsv")) copyShipped(f, model);
    List<String> log = new ArrayList<>();

    var r = SpanTrainer.tune(tmp.resolve("data"), model, TransformerStage.readSettings(null), log::add);

    assertThat(r).isNotNull();
    try (var in = Files.newInputStream(model.resolve(SpanMix.FILE))) {
      assertThat(SpanMix.read(in)).isEqualTo(r.mix());
    }
    // the insult, and only it, is what raters marked here: the blend finds most of it on the comments it never saw
    assertThat(r.devF1()).as("dev character F1").isGreaterThan(0.6);
    assertThat(log).anySatisfy(l -> assertThat(l).contains("with the span branch"));
  }

  @Test
  void withoutToxicSpansNothingIsChosen(@TempDir Path tmp) throws IOException {
    Path model = Files.createDirectories(tmp.resolve("model"));
    assertThat(SpanTrainer.tune(Files.createDirectories(tmp.resolve("data")), model, TransformerStage.readSettings(null), s -> {})).isNull();
    assertThat(model.resolve(SpanMix.FILE)).doesNotExist();
  }
}
