package parley.moderation;

import java.util.List;
import java.util.Locale;
import parley.comment.CommentState;

/** What the pipeline decided, with every reason collected on the way. */
public sealed interface Verdict {
  List<Reason> reasons();

  record Publish(List<Reason> reasons) implements Verdict {}

  record Hold(List<Reason> reasons) implements Verdict {}

  record Reject(List<Reason> reasons) implements Verdict {}

  /** The verdict without its reasons, for counting and keys. */
  enum Kind {
    PUBLISH, HOLD, REJECT;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  default Kind kind() {
    return switch (this) {
      case Publish p -> Kind.PUBLISH;
      case Hold h -> Kind.HOLD;
      case Reject r -> Kind.REJECT;
    };
  }

  default String key() {
    return kind().key();
  }

  default CommentState state() {
    return switch (kind()) {
      case PUBLISH -> CommentState.PUBLISHED;
      case HOLD -> CommentState.PENDING;
      case REJECT -> CommentState.REJECTED;
    };
  }
}
