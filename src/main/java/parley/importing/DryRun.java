package parley.importing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import parley.comment.CommentState;

/**
 * A sink that only counts: the whole-file check every XML import makes before writing anything (so a malformed
 * file leaves the database as it was), and the report of {@code --dry-run}. Holds the ids of the file's posts and
 * threads (about 100 bytes a post). Not thread-safe.
 */
public final class DryRun implements ImportSink {
  private final Warnings warnings = new Warnings();
  private final Set<String> posts = new HashSet<>();
  private final List<String> parents = new ArrayList<>();
  private final Set<String> threadsDescribed = new HashSet<>();
  private final Set<String> threadsNamed = new HashSet<>();
  private final java.util.Map<String, String> threadsByKey = new java.util.HashMap<>();
  private final Set<String> authors = new HashSet<>();
  private long threads;
  private long comments;
  private final long[] states = new long[CommentState.values().length];
  private long pingbacks;
  private long withoutId;

  @Override
  public void thread(ImportedThread thread) {
    threads++;
    threadsDescribed.add(thread.sourceId());
    // as the writer will file it, less the site's own meaningful query parameters (not known here)
    String key = parley.thread.ThreadKey.of(thread.pageKey(), PageKey.identifying(thread.url())).key();
    String first = threadsByKey.putIfAbsent(key, thread.sourceId());
    if (first != null && !first.equals(thread.sourceId())) {
      warnings.add((thread.at() == null ? "" : thread.at() + ": ") + "thread " + thread.sourceId()
          + " has the same page key as thread " + first + " (" + key + "): their comments will be merged");
    }
  }

  @Override
  public void post(ImportedPost post) {
    comments++;
    states[post.state().ordinal()]++;
    if (!posts.add(post.sourceId())) {
      warnings.add((post.at() == null ? "" : post.at() + ": ") + "comment " + post.sourceId()
          + " appears more than once in the file: the last one is kept");
    }
    if (post.parentSourceId() != null) parents.add(post.parentSourceId());
    threadsNamed.add(post.threadSourceId());
    boolean hasEmail = post.authorEmail() != null && !post.authorEmail().isBlank();
    authors.add(hasEmail ? post.authorEmail().strip().toLowerCase(Locale.ROOT)
        : "name:" + (post.authorName() == null ? "" : post.authorName().strip()));
  }

  @Override
  public void warning(String message) {
    warnings.add(message);
  }

  @Override
  public void skipped(Skip kind) {
    switch (kind) {
      case PINGBACK -> pingbacks++;
      case NO_ID -> withoutId++;
    }
  }

  public ImportCounts counts() {
    long orphans = parents.stream().filter(p -> !posts.contains(p)).count();
    long placeholders = threadsNamed.stream().filter(t -> !threadsDescribed.contains(t)).count();
    return new ImportCounts(threads, comments, state(CommentState.PUBLISHED),
        state(CommentState.PENDING), state(CommentState.REJECTED),
        state(CommentState.DELETED), authors.size(), pingbacks, withoutId, orphans, placeholders);
  }

  private long state(CommentState s) {
    return states[s.ordinal()];
  }

  public List<String> warnings() {
    return warnings.kept();
  }

  public long warningCount() {
    return warnings.count();
  }
}
