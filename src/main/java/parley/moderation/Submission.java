package parley.moderation;

import java.util.List;
import parley.classify.Classification;

/**
 * A data-only snapshot of a comment and what the phases may know about its author.
 *
 * @param approvedByAuthor the author's published comments on this site (the trust count)
 * @param recentBodies the author's recent comments on this site, newest first, for duplicate checks
 * @param classification the classifier's scores, or null when it is off or failed
 * @param classifierError why scoring failed, or null
 * @param threadPremoderated the article's settings hold every comment on it
 * @param trust the author's trust score on the site ({@link Trust}), or null when not known (imports, previews)
 */
public record Submission(String siteId, String body, boolean edit, int approvedByAuthor, List<String> recentBodies,
    Classification classification, String classifierError, boolean threadPremoderated, Integer trust) {

  public Submission(String siteId, String body, boolean edit, int approvedByAuthor, List<String> recentBodies,
      Classification classification, String classifierError, boolean threadPremoderated) {
    this(siteId, body, edit, approvedByAuthor, recentBodies, classification, classifierError, threadPremoderated, null);
  }

  public Submission(String siteId, String body, boolean edit, int approvedByAuthor, List<String> recentBodies,
      Classification classification, String classifierError) {
    this(siteId, body, edit, approvedByAuthor, recentBodies, classification, classifierError, false);
  }

  /** A new comment with nothing known about its author; for tests and re-moderating archives. */
  public static Submission of(String body) {
    return new Submission("test", body, false, 0, List.of(), null, null);
  }

  public Submission withClassification(Classification c) {
    return new Submission(siteId, body, edit, approvedByAuthor, recentBodies, c, null, threadPremoderated, trust);
  }

  public Submission onPremoderatedThread() {
    return new Submission(siteId, body, edit, approvedByAuthor, recentBodies, classification, classifierError, true,
        trust);
  }

  public Submission withHistory(int approved, List<String> recent) {
    return new Submission(siteId, body, edit, approved, recent, classification, classifierError, threadPremoderated,
        trust);
  }

  public Submission withTrust(Integer score) {
    return new Submission(siteId, body, edit, approvedByAuthor, recentBodies, classification, classifierError,
        threadPremoderated, score);
  }
}
