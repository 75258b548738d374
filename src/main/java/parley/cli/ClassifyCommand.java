package parley.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import com.fasterxml.jackson.databind.ObjectMapper;
import parley.classify.Category;
import parley.classify.Classification;
import parley.classify.ClassificationJson;
import parley.classify.Classifier;
import parley.classify.Models;
import parley.classify.Span;
import parley.classify.Stage;
import parley.moderation.ScoreThresholds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parley classify}: scores comments with the in-process moderation classifier. */
@Command(name = "classify", mixinStandardHelpOptions = true,
    description = "Score comments: TEXT prints a table; --json reads one comment per line on stdin and writes one JSON object per line.")
public final class ClassifyCommand implements Callable<Integer> {
  @Parameters(arity = "0..1", paramLabel = "TEXT", description = "A comment to score (omit with --json to read stdin)")
  String text;

  @Option(names = "--json", description = "Read comments from stdin, one per line; write JSON lines in the same order")
  boolean json;

  @Option(names = "--model", description = "Model folder written by `parley train` (default: the shipped model)")
  Path model;

  @Option(names = "--site-policy", description = "Thresholds JSON: {\"toxic\": {\"hold\": 0.6, \"reject\": 0.95}, ...}")
  Path sitePolicy;

  @Option(names = "--stage", description = "fast or accurate (default: the model's default stage)")
  Stage stage;

  @Override
  public Integer call() throws Exception {
    Classifier classifier = model == null ? Models.loadDefault() : Models.load(model);
    ScoreThresholds policy = sitePolicy == null ? ScoreThresholds.defaults() : ScoreThresholds.load(sitePolicy);
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    if (text != null && !json) {
      printTable(out, text, classify(classifier, text), policy);
    } else if (text != null) {
      printJson(out, text, classifier, policy);
    } else {
      // invalid UTF-8 on stdin becomes U+FFFD instead of failing the whole batch
      var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, decoder), 1 << 16);
      for (String line; (line = in.readLine()) != null; ) printJson(out, line, classifier, policy);
    }
    out.flush();
    return 0;
  }

  private Classification classify(Classifier c, String t) {
    return stage == null ? c.classify(t) : c.classify(t, stage);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private void printJson(PrintStream out, String line, Classifier classifier, ScoreThresholds policy) throws Exception {
    Classification c = classify(classifier, line);
    ScoreThresholds.Decision d = policy.decide(line, c);
    out.println(JSON.writeValueAsString(ClassificationJson.toJson(line, c, d.verdict().key(), d.reasons())));
  }

  private static void printTable(PrintStream out, String text, Classification c, ScoreThresholds policy) {
    ScoreThresholds.Decision d = policy.decide(text, c);
    out.printf(Locale.ROOT, "language  %s%s   stage %s%n", c.language(), c.languageSupported() ? "" : " (unsupported)", c.stage().key());
    for (Category cat : Category.values()) {
      double s = c.score(cat);
      out.printf(Locale.ROOT, "%-8s %.3f  %s%n", cat.key(), s, "#".repeat((int) Math.round(s * 30)));
    }
    out.println("decision  " + d.verdict().key() + (d.reasons().isEmpty() ? "" : "  (" + String.join("; ", d.reasons()) + ")"));
    for (Span s : c.spans()) {
      out.printf(Locale.ROOT, "  %-8s %+.2f  [%d,%d) \"%s\"%n", s.category().key(), s.weight(), s.start(), s.end(), text.substring(s.start(), s.end()));
    }
  }
}
