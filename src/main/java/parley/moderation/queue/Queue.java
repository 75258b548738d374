package parley.moderation.queue;

import java.util.Locale;

/** The moderator's lists of comments, each a condition on the comments table (alias {@code c}). */
public enum Queue {
  PENDING("c.state = 'pending'"),
  REPORTED("c.report_open = 1 AND c.state = 'published'"),
  REJECTED("c.state = 'rejected'"),
  FEATURED("c.featured = 1 AND c.state = 'published'"),
  RECENT("c.state <> 'deleted'");

  final String where;

  Queue(String where) {
    this.where = where;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The queue named {@code key}, or null. */
  public static Queue parse(String key) {
    for (Queue q : values()) if (q.key().equals(key)) return q;
    return null;
  }
}
