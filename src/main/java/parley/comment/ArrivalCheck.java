package parley.comment;

/**
 * Decides the state a new or edited comment starts in, and records why. The moderation feature supplies the real
 * one (classifier scores + site policy); {@link #PUBLISH_ALL} is for sites without moderation.
 */
@FunctionalInterface
public interface ArrivalCheck {
  Decision check(Arrival arrival);

  /**
   * What the check may read about the comment.
   *
   * @param accountId the signed-in author's account, or null for anonymous comments
   * @param ipHash SHA-256 of the author's IP address, or null when unknown
   * @param email the address the author gave, or null (a ban may cover its hash)
   * @param threadPremoderated the article's settings hold every comment on it
   */
  record Arrival(String siteId, long threadId, Long parentId, String authorName, String clientHash, String body,
      boolean edit, Long accountId, String ipHash, String email, boolean threadPremoderated) {

    public Arrival(String siteId, long threadId, Long parentId, String authorName, String clientHash, String body,
        boolean edit, Long accountId, String ipHash, String email) {
      this(siteId, threadId, parentId, authorName, clientHash, body, edit, accountId, ipHash, email, false);
    }

    public Arrival(String siteId, long threadId, Long parentId, String authorName, String clientHash, String body,
        boolean edit) {
      this(siteId, threadId, parentId, authorName, clientHash, body, edit, null, null, null);
    }
  }

  /**
   * @param scores classifier scores as JSON text, or null; @param reasons why, as JSON text, or null
   * @param settled null when final; otherwise the decision is provisional (a publish on the fast stage's scores) and
   *     this completes with the final one, which the comment then takes unless someone changed it meanwhile
   */
  record Decision(CommentState state, String scores, String reasons,
      java.util.concurrent.CompletionStage<Decision> settled) {
    public Decision(CommentState state, String scores, String reasons) {
      this(state, scores, reasons, null);
    }

    public static Decision publish() {
      return new Decision(CommentState.PUBLISHED, null, null);
    }
  }

  ArrivalCheck PUBLISH_ALL = arrival -> Decision.publish();
}
