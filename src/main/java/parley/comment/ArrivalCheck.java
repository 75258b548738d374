package parley.comment;

/**
 * Decides the state a new or edited comment starts in, and records why. The moderation feature supplies the real
 * one (classifier scores + site policy); {@link #PUBLISH_ALL} is for sites without moderation.
 */
@FunctionalInterface
public interface ArrivalCheck {
  Decision check(Arrival arrival);

  /** What the check may read about the comment. */
  record Arrival(String siteId, long threadId, Long parentId, String authorName, String clientHash, String body,
      boolean edit) {}

  /** @param scores classifier scores as JSON text, or null; @param reasons why, as JSON text, or null */
  record Decision(CommentState state, String scores, String reasons) {
    public static Decision publish() {
      return new Decision(CommentState.PUBLISHED, null, null);
    }
  }

  ArrivalCheck PUBLISH_ALL = arrival -> Decision.publish();
}
