package parley.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import parley.analysis.AnalyzeResponse.AttributeScores;
import parley.analysis.AnalyzeResponse.Score;
import parley.analysis.AnalyzeResponse.SpanScore;
import parley.classify.Classification;
import parley.classify.Classifier;
import parley.classify.Span;
import parley.classify.Stage;

/**
 * Answers {@code comments:analyze}: language checks, one classification, attribute scores and spans. Thread-safe; closing
 * stops the accurate stage's threads.
 */
public final class Analyzer implements AutoCloseable {
  /** The languages Parley's model is trained for; every attribute supports the same ones. */
  static final Set<String> SUPPORTED_LANGUAGES = Set.of("en");

  private final Classifier classifier;
  private final Stage stage;
  private final AccurateGate gate;

  public Analyzer(Classifier classifier, Stage stage) {
    this(classifier, stage, AccurateGate.forThisMachine());
  }

  Analyzer(Classifier classifier, Stage stage, AccurateGate gate) {
    this.classifier = classifier;
    this.stage = stage;
    this.gate = gate;
  }

  @Override
  public void close() {
    gate.close();
  }

  public AnalyzeResponse analyze(AnalyzeRequest request) {
    refuseUnknownAttributes(request);
    List<String> declared = request.languages();
    boolean declaredSupported = SUPPORTED_LANGUAGES.containsAll(declared);
    if (!declaredSupported) {
      // nothing Parley could answer for these languages: no need to classify
      refuseUnsupportedLanguage(request, declared);
      return new AnalyzeResponse(Map.of(), declared, null, request.clientToken(), null);
    }
    Classification c = gate.classify(classifier, request.text().text(), stage);
    List<String> detected = List.of(c.language());
    if (declared.isEmpty() && !c.languageSupported()) {
      refuseUnsupportedLanguage(request, detected);
      return new AnalyzeResponse(Map.of(), detected, detected, request.clientToken(), c.stage());
    }
    // "und" (too short to tell) is scored as English, so say so
    List<String> languages = !declared.isEmpty() ? declared : c.language().equals("und") ? List.of("en") : detected;
    return new AnalyzeResponse(scores(request, c), languages, detected, request.clientToken(), c.stage());
  }

  private static void refuseUnknownAttributes(AnalyzeRequest request) {
    if (request.unknownAttributes().isEmpty() || request.dropUnsupportedAttributes()) return;
    throw GoogleError.invalid("Unknown attribute: " + String.join(", ", request.unknownAttributes())
        + ". Parley supports " + java.util.Arrays.toString(Attribute.values()) + " (and their _EXPERIMENTAL names).");
  }

  private static void refuseUnsupportedLanguage(AnalyzeRequest request, List<String> languages) {
    if (request.dropUnsupportedAttributes() || request.requested().isEmpty()) return;
    String attribute = request.requested().keySet().iterator().next();
    throw GoogleError.invalid("Attribute " + attribute + " does not support request languages: "
        + String.join(",", languages) + ". Supported: " + String.join(",", SUPPORTED_LANGUAGES) + ".");
  }

  private static Map<String, AttributeScores> scores(AnalyzeRequest request, Classification c) {
    Map<String, AttributeScores> out = new LinkedHashMap<>();
    request.requested().forEach((name, requested) -> {
      double summary = requested.attribute().score(c);
      if (requested.threshold() != null && summary < requested.threshold()) return; // omitted, as Perspective does
      out.put(name, new AttributeScores(Score.probability(summary), spans(request, c, requested.attribute(), summary)));
    });
    return out;
  }

  /**
   * With spanAnnotations, the words that drove the attribute, each scored by its share of the strongest word's
   * weight times the summary score; otherwise (or when no word stands out) one span over the whole comment, which is
   * what Perspective answers for a one-sentence comment. Offsets are into the text as sent.
   */
  private static List<SpanScore> spans(AnalyzeRequest request, Classification c, Attribute attribute, double summary) {
    List<Span> words = request.spanAnnotations()
        ? c.spans().stream().filter(s -> s.category() == attribute.category() && s.weight() > 0).toList()
        : List.of();
    if (words.isEmpty()) return List.of(new SpanScore(0, request.source().length(), Score.probability(summary)));
    double strongest = words.stream().mapToDouble(Span::weight).max().orElse(1);
    List<SpanScore> out = new ArrayList<>(words.size());
    for (Span s : words) {
      int[] source = request.text().toSource(s.start(), s.end());
      out.add(new SpanScore(source[0], source[1], Score.probability(summary * s.weight() / strongest)));
    }
    out.sort(Comparator.comparingInt(SpanScore::begin));
    return out;
  }
}
