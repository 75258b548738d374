package parley.moderation;

import java.util.List;
import parley.comment.CommentState;

/** What the pipeline decided, with every reason collected on the way. */
public sealed interface Verdict {
  List<Reason> reasons();

  record Publish(List<Reason> reasons) implements Verdict {}

  record Hold(List<Reason> reasons) implements Verdict {}

  record Reject(List<Reason> reasons) implements Verdict {}

  default String key() {
    return switch (this) {
      case Publish p -> "publish";
      case Hold h -> "hold";
      case Reject r -> "reject";
    };
  }

  default CommentState state() {
    return switch (this) {
      case Publish p -> CommentState.PUBLISHED;
      case Hold h -> CommentState.PENDING;
      case Reject r -> CommentState.REJECTED;
    };
  }
}
