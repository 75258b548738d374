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
import parley.moderation.Judgement;
import parley.moderation.Pipeline;
import parley.moderation.Policy;
import parley.moderation.PolicyFile;
import parley.moderation.Reason;
import parley.moderation.Submission;
import parley.moderation.phase.Phases;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code parley classify}: scores comments with the in-process moderation classifier, and judges each as a new
 * comment by an author without history, through the same pipeline as live comments (the default or given policy).
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
    description = "Score comments: TEXT prints a table; --json reads one comment per line on stdin and writes one JSON object per line.")
public final class ClassifyCommand implements Callable<Integer> {
  @Parameters(arity = "0..1", paramLabel = "TEXT", description = "A comment to score (omit with --json to read stdin)")
  String text;

  @Option(names = "--json", description = "Read comments from stdin, one per line; write JSON lines in the same order")
  boolean json;

  @Option(names = "--model", description = "Model folder written by `parley train` (default: the shipped model)")
  Path model;

  @Option(names = "--site-policy", description = "Policy JSON: a site policy as the admin API takes it, or thresholds "
      + "alone: {\"toxic\": {\"hold\": 0.6, \"reject\": 0.95}, ...}")
  Path sitePolicy;

  @Option(names = "--stage", description = "fast or accurate (default: the model's default stage)")
  Stage stage;

  @Override
  public Integer call() throws Exception {
    Classifier classifier = model == null ? Models.loadDefault() : Models.load(model);
    // the model's own lines: a folder from `parley train` is calibrated on its own scores
    Policy defaults = Policy.defaults(classifier);
    Pipeline policy = Phases.forPolicy(sitePolicy == null ? defaults : PolicyFile.load(sitePolicy, defaults));
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

  private void printJson(PrintStream out, String line, Classifier classifier, Pipeline policy) throws Exception {
    Classification c = classify(classifier, line);
    Judgement d = judge(policy, line, c);
    out.println(JSON.writeValueAsString(ClassificationJson.toJson(line, c, d.verdict().key(), details(d))));
  }

  private static Judgement judge(Pipeline policy, String text, Classification c) {
    return policy.judge(Submission.of(text).withClassification(c));
  }

  private static java.util.List<String> details(Judgement d) {
    return d.verdict().reasons().stream().map(Reason::detail).toList();
  }

  private static void printTable(PrintStream out, String text, Classification c, Pipeline policy) {
    Judgement d = judge(policy, text, c);
    out.printf(Locale.ROOT, "language  %s%s   stage %s%n", c.language(), c.languageSupported() ? "" : " (unsupported)", c.stage().key());
    for (Category cat : Category.values()) {
      double s = c.score(cat);
      out.printf(Locale.ROOT, "%-8s %.3f  %s%n", cat.key(), s, "#".repeat((int) Math.round(s * 30)));
    }
    out.println("decision  " + d.verdict().key() + (details(d).isEmpty() ? "" : "  (" + String.join("; ", details(d)) + ")"));
    for (Span s : c.spans()) {
      out.printf(Locale.ROOT, "  %-8s %+.2f  [%d,%d) \"%s\"%n", s.category().key(), s.weight(), s.start(), s.end(), text.substring(s.start(), s.end()));
    }
  }
}
