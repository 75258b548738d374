package parley.comment;

import java.time.Instant;
import java.util.List;

/**
 * A comment as a reader sees it: no email, no hashes; deleted ones are placeholders that keep their replies.
 * {@code body} (the markdown) is only sent back to the comment's own author, for editing. {@code staff} and {@code hue}
 * are the signed-in author's {@link AuthorFaces.Face}, shown only with the comment itself.
 */
public record CommentView(
    long id, Long parentId, String author, String html, String body, Instant createdAt, Instant editedAt, int score,
    int upvotes, int downvotes, String state, boolean mine, int myVote, boolean staff, Integer hue,
    List<CommentView> replies) {

  static CommentView of(Comment c, String me, int myVote, AuthorFaces.Face face, List<CommentView> replies) {
    return of(c, me != null && me.equals(c.clientHash()), myVote, face, replies);
  }

  /** The comment as its author sees it right after writing it, whether or not they sent a reader id. */
  static CommentView own(Comment c, AuthorFaces.Face face) {
    return of(c, true, 0, face, List.of());
  }

  private static CommentView of(Comment c, boolean mine, int myVote, AuthorFaces.Face face, List<CommentView> replies) {
    boolean shown = c.state() == CommentState.PUBLISHED || (mine && isOwnUnpublished(c.state()));
    return new CommentView(c.id(), c.parentId(), shown ? c.authorName() : "[deleted]", shown ? c.bodyHtml() : "",
        shown && mine ? c.bodyMarkdown() : null, c.createdAt(), shown ? c.editedAt() : null, c.score(), c.upvotes(), c.downvotes(),
        shown ? c.state().key() : CommentState.DELETED.key(), mine, myVote, shown && face.staff(), shown ? face.hue() : null,
        replies);
  }

  /** Authors see their own held and rejected comments, marked as such, so a refusal is never silent. */
  static boolean isOwnUnpublished(CommentState state) {
    return state == CommentState.PENDING || state == CommentState.REJECTED;
  }
}
