package parley.comment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the nested views of one page: top-level comments with their replies. Hidden comments (pending for
 * others, rejected, deleted) become placeholders when they have visible replies and disappear otherwise, so
 * a conversation never loses its shape.
 */
final class CommentTree {
  private final Map<Long, List<Comment>> childrenOf = new HashMap<>();
  private final String me;
  private final Map<Long, Integer> myVotes;
  private final Map<Long, AuthorFaces.Face> faces;

  /** {@code faces} by author account id. */
  CommentTree(List<Comment> replies, String me, Map<Long, Integer> myVotes, Map<Long, AuthorFaces.Face> faces) {
    this.me = me;
    this.myVotes = myVotes;
    this.faces = faces;
    for (Comment c : replies) childrenOf.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
  }

  List<CommentView> build(List<Comment> topLevel) {
    List<CommentView> views = new ArrayList<>();
    for (Comment c : topLevel) {
      CommentView v = view(c);
      if (v != null) views.add(v);
    }
    return views;
  }

  /** Null when neither the comment nor any reply under it is visible. Recursion depth is bounded by MAX_DEPTH. */
  private CommentView view(Comment c) {
    List<CommentView> replies = new ArrayList<>();
    for (Comment child : childrenOf.getOrDefault(c.id(), List.of())) {
      CommentView v = view(child);
      if (v != null) replies.add(v);
    }
    if (!visible(c) && replies.isEmpty()) return null;
    return CommentView.of(c, me, myVotes.getOrDefault(c.id(), 0), AuthorFaces.Face.of(faces, c.authorAccountId()),
        List.copyOf(replies));
  }

  private boolean visible(Comment c) {
    return c.state() == CommentState.PUBLISHED
        || (CommentView.isOwnUnpublished(c.state()) && me != null && me.equals(c.clientHash()));
  }
}
