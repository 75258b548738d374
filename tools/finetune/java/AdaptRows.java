import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.*;
import java.util.*;
import parley.classify.Category;
import parley.classify.train.*;

/**
 * {@code parley train --feedback}'s adaptation ({@link FeedbackAdapter}) fitted on rows from JSONL files instead of a
 * newsroom's database: each row {"text": ..., and a 0/1 per category it labels}. Writes adaptation.json into MODEL_DIR
 * (a copy of a model folder). Session 29's experiment: tools/finetune/README.md, "Harsh words at things".
 *
 * <pre>java --enable-native-access=ALL-UNNAMED -cp target/classes:$(cat cp.txt) tools/finetune/java/AdaptRows.java MODEL_DIR ROWS.jsonl...</pre>
 */
public class AdaptRows {
  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: AdaptRows.java MODEL_DIR ROWS.jsonl...");
      System.exit(2);
    }
    ObjectMapper om = new ObjectMapper();
    List<Example> verdicts = new ArrayList<>();
    for (int f = 1; f < args.length; f++) {
      int i = 0;
      for (String line : Files.readAllLines(Path.of(args[f]))) {
        JsonNode r = om.readTree(line);
        Map<Category, Integer> labels = new EnumMap<>(Category.class);
        for (Category c : Category.values()) if (r.has(c.key())) labels.put(c, r.get(c.key()).asInt());
        verdicts.add(new Example("rows", args[f] + ":" + i++, r.get("text").asText(), Split.TRAIN, labels, Map.of()));
      }
    }
    FeedbackAdapter.Result result = FeedbackAdapter.adapt(Path.of(args[0]), verdicts, System.err::println);
    System.err.println("adapted: " + !result.adaptation().isEmpty());
  }
}
