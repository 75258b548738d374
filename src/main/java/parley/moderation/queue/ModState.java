package parley.moderation.queue;

import parley.comment.CommentState;

/** What a moderator's action changes on a comment; the audit log keeps it before and after. */
public record ModState(CommentState state, boolean featured, boolean reportOpen) {
  static ModState of(QueueItem c) {
    return new ModState(c.state(), c.featured(), c.reportOpen());
  }
}
