package parley.classify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The fast stage on its own: normalization, hashed n-grams, calibrated logistic regressions, explaining spans. */
public final class NgramClassifier implements Classifier {
  /** Only the head of a huge comment is scored: bounded cost whatever arrives (1 MB pastes included). */
  static final int MAX_CHARS = 100_000;
  /** Spans are computed for categories at or above this calibrated probability (clean comments cost nothing). */
  static final double EXPLAIN_FROM = 0.35;

  private final FastModel model;
  private final LanguageGate languages;
  /** Raters' toxic words, for the toxic category's spans; null when the model has none. */
  private final SpanLexicon lexicon;

  public NgramClassifier(FastModel model, LanguageGate languages) {
    this(model, languages, null);
  }

  NgramClassifier(FastModel model, LanguageGate languages, SpanLexicon lexicon) {
    this.model = model;
    this.languages = languages;
    this.lexicon = lexicon;
  }

  NgramClassifier withLexicon(SpanLexicon l) {
    return new NgramClassifier(model, languages, l);
  }

  FastModel model() {
    return model;
  }

  @Override
  public Classification classify(String text) {
    return classify(text, Stage.FAST, (head, margins) -> new AccurateModel.Scored(calibrated(margins), null));
  }

  /** Turns the fast stage's margins into probabilities: calibrated alone, or stacked with another stage. */
  interface Combiner {
    AccurateModel.Scored scored(String head, double[] fastMargins);
  }

  /** Scores the head of {@code text}: language, normalization, n-grams and spans once, whatever the stage. */
  Classification classify(String text, Stage stage, Combiner combiner) {
    String t = head(text);
    LanguageGate.Verdict lang = languages.detect(t);
    TextNormalizer.Normalized norm = TextNormalizer.normalize(t);
    Ngrams grams = Ngrams.of(model.featurizer(), norm);
    return result(t, norm, grams, lang, stage, combiner.scored(t, model.margins(grams)));
  }

  private static String head(String text) {
    return text == null ? "" : text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
  }

  double[] calibrated(double[] margins) {
    double[] p = new double[margins.length];
    for (int c = 0; c < p.length; c++) p[c] = model.calibrate(c, margins[c]);
    return p;
  }

  private Classification result(String text, TextNormalizer.Normalized norm, Ngrams grams, LanguageGate.Verdict lang,
      Stage stage, AccurateModel.Scored scored) {
    double[] probs = scored.probs();
    Map<Category, Double> scores = new EnumMap<>(Category.class);
    List<Category> explain = new ArrayList<>(2);
    for (Category c : Category.values()) {
      double p = probs[c.ordinal()];
      scores.put(c, p);
      if (p >= EXPLAIN_FROM) explain.add(c);
    }
    List<Span> spans = explain.isEmpty() ? List.of() : Explainer.spans(model, norm, grams, explain);
    if (lexicon != null && explain.contains(Category.TOXIC)) spans = withMarkedWords(spans, text, norm, probs, scored.marks());
    return new Classification(Collections.unmodifiableMap(scores), lang.language(), lang.supported(), spans, stage);
  }

  /**
   * The toxic category's spans become the words raters mark as toxic, where the comment has any; the model's own
   * strongest words stay where it has none (a moderator still sees what moved the score).
   */
  private List<Span> withMarkedWords(List<Span> spans, String text, TextNormalizer.Normalized norm, double[] probs,
      AccurateModel.Marks marks) {
    List<Span> marked = new ArrayList<>();
    float[] perChar = marks == null ? null : marks.perChar().get(); // null too where the span branch cannot run
    var ranges = perChar == null ? lexicon.ranges(text, norm) : lexicon.ranges(text, norm, perChar, marks.mix());
    for (SpanLexicon.Range r : ranges) {
      marked.add(new Span(r.start(), r.end(), Category.TOXIC, r.share() * probs[Category.TOXIC.ordinal()]));
    }
    if (marked.isEmpty()) return spans;
    List<Span> out = new ArrayList<>(marked);
    for (Span s : spans) if (s.category() != Category.TOXIC) out.add(s);
    out.sort(java.util.Comparator.comparingDouble(Span::weight).reversed());
    return out;
  }

  /** Calibrated probabilities for a batch of texts (training and evaluation; texts keep the runtime free of them). */
  public double[][] probabilities(List<String> texts) {
    double[][] out = new double[texts.size()][];
    java.util.stream.IntStream.range(0, out.length).parallel().forEach(i -> {
      out[i] = calibrated(margins(texts.get(i)));
    });
    return out;
  }

  /** Raw margins of the fast stage, public for the trainers that stack it with an accurate stage. */
  public double[] margins(String text) {
    return model.margins(TextNormalizer.normalize(head(text)));
  }
}
