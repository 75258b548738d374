package parley.moderation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * An author's trust score on one site and what made it, so a moderator can see why ("+12 published, −6 rejected").
 *
 * @param lines one per kind of evidence that counted, in a fixed order
 */
public record Trust(int score, Standing standing, List<Line> lines) {

  public enum Standing { TRUSTED, NORMAL, LOW }

  /** What the score is built from, counted on the site's comments by {@link AuthorStore#trustCounts}. */
  public record Counts(int published, int rejected, int upheldReports) {}

  /** {@code count} pieces of evidence of one {@code kind}, worth {@code points} together. */
  public record Line(String kind, int count, int points) {
    @JsonProperty("text")
    public String text() {
      return (points < 0 ? "−" + -points : "+" + points) + " " + kind + (count == 1 ? "" : " (" + count + ")");
    }
  }

  public static Trust of(TrustPolicy policy, Counts counts) {
    List<Line> lines = new ArrayList<>(3);
    add(lines, "published", counts.published(), policy.publishedWeight());
    add(lines, "rejected", counts.rejected(), policy.rejectedWeight());
    add(lines, "upheld reports", counts.upheldReports(), policy.upheldReportWeight());
    int score = lines.stream().mapToInt(Line::points).sum();
    Standing standing = policy.trusted(score) ? Standing.TRUSTED : policy.low(score) ? Standing.LOW : Standing.NORMAL;
    return new Trust(score, standing, List.copyOf(lines));
  }

  /** The explanation in one line, e.g. "+12 published (12), −6 rejected (2)"; "no history" when nothing counted. */
  @JsonProperty("explain")
  public String explain() {
    if (lines.isEmpty()) return "no history";
    return String.join(", ", lines.stream().map(Line::text).toList());
  }

  private static void add(List<Line> lines, String kind, int count, int weight) {
    if (count > 0 && weight != 0) lines.add(new Line(kind, count, count * weight));
  }
}
