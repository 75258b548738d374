package parley.classify.train;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import parley.classify.Classification;
import parley.classify.Classifier;
import parley.classify.Stage;

/**
 * Hand-written functional checks in the style of public hate-speech test suites (derogation, threats, slurs, spelling
 * variants, negation, counter-speech, identity mentions, news-sense violence, spam and its look-alikes): each sentence
 * says whether a newsroom would want it held ({@code flag}) or published ({@code pass}). Never trained on.
 */
public final class FunctionalChecks {
  public record Item(boolean shouldFlag, String functionality, String text) {}

  private static final String RESOURCE = "/parley/classify/functional-checks.tsv";

  private FunctionalChecks() {}

  public static List<Item> items() {
    try (InputStream in = FunctionalChecks.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IOException("missing " + RESOURCE);
      List<Item> out = new ArrayList<>();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      int lineNo = 0;
      for (String line; (line = r.readLine()) != null; ) {
        lineNo++;
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] f = line.split("\t", 3);
        if (f.length != 3 || !(f[0].equals("flag") || f[0].equals("pass"))) {
          throw new IOException(RESOURCE + " line " + lineNo + ": expected 'flag|pass<TAB>functionality<TAB>text'");
        }
        out.add(new Item(f[0].equals("flag"), f[1], f[2]));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Per functionality: {checks, passed}, where {@code held} says whether a text so classified is held or rejected. */
  public static Map<String, int[]> run(Classifier classifier, Stage stage, BiPredicate<String, Classification> held) {
    Map<String, int[]> out = new TreeMap<>();
    for (Item item : items()) {
      int[] r = out.computeIfAbsent(item.functionality(), k -> new int[2]);
      r[0]++;
      if (held.test(item.text(), classifier.classify(item.text(), stage)) == item.shouldFlag()) r[1]++;
    }
    return out;
  }
}
