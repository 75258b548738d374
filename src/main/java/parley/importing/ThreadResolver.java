package parley.importing;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import parley.thread.CommentThread;
import parley.thread.ThreadKey;
import parley.thread.ThreadStore;

/**
 * Maps source thread ids onto Parley threads. Threads are matched by page key, so several source threads for one
 * page (Disqus keeps one per URL variant) merge into one. A post that names a thread not read yet gets a placeholder
 * thread, renamed or merged when the thread arrives. Owned by the import's writer thread; every method runs inside
 * the caller's write transaction.
 */
final class ThreadResolver {
  private final String siteId;
  private final String source;
  private final String format;
  private final Warnings warnings;
  private final Map<String, Long> threads = new HashMap<>();
  private final Set<Long> filed = new HashSet<>();
  private final Set<Long> filedThisRun = new HashSet<>();
  private final Map<String, Long> placeholders = new LinkedHashMap<>();
  private final Map<Long, Long> moved = new HashMap<>();
  private final Set<String> pageParams;

  ThreadResolver(Handle h, String siteId, String source, String format, Warnings warnings) {
    this.siteId = siteId;
    this.source = source;
    this.format = format;
    this.warnings = warnings;
    this.pageParams = Set.of(h.createQuery("SELECT page_params FROM sites WHERE id = :site").bind("site", siteId)
        .mapTo(String.class).findOne().orElse("").split(" ")).stream().filter(p -> !p.isBlank())
        .collect(java.util.stream.Collectors.toCollection(HashSet::new));
    h.createQuery("SELECT source_id, thread_id FROM thread_sources WHERE site_id = :site AND source = :source")
        .bind("site", siteId).bind("source", source)
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
        .forEach(e -> {
          threads.put(e.getKey(), e.getValue());
          filed.add(e.getValue());
        });
  }

  /** The thread a post belongs to, creating a placeholder when its thread has not been read (yet). */
  long threadOf(Handle h, String sourceId, long createdAt) {
    Long id = threads.get(sourceId);
    if (id != null) return id;
    long placeholder = upsert(h, new ImportedThread(sourceId, placeholderKey(sourceId), null, null, false, createdAt,
        null));
    map(h, sourceId, placeholder);
    placeholders.put(sourceId, placeholder);
    return placeholder;
  }

  /** Files a thread record: renames its placeholder, or merges with the thread already filed under its page key. */
  void thread(Handle h, ImportedThread given) {
    ImportedThread t = identified(h, given);
    Long mapped = threads.get(t.sourceId());
    Optional<Long> byKey = h.createQuery("SELECT id FROM threads WHERE site_id = :site AND page_key = :key")
        .bind("site", siteId).bind("key", t.pageKey()).mapTo(Long.class).findOne();
    if (mapped != null && byKey.isEmpty()) {
      h.createUpdate("""
              UPDATE threads SET page_key = :key, url = :url, title = :title, closed = :closed, created_at = :created
              WHERE id = :id""")
          .bind("key", t.pageKey()).bind("url", t.url()).bind("title", t.title()).bind("closed", t.closed())
          .bind("created", t.createdAt()).bind("id", mapped).execute();
      placeholders.remove(t.sourceId());
      return;
    }
    if (mapped == null && byKey.isPresent() && filed.contains(byKey.get())) {
      warnings.add((t.at() == null ? "" : t.at() + ": ") + "thread " + t.sourceId()
          + " has the same page key as another thread in the file (" + t.pageKey()
          + "): their comments are merged into one thread");
    }
    // a second record for a page this run already filed (Disqus keeps one per URL spelling) joins it as it is: the
    // first record's title and link stay, not those of the last spelling ("…/?fbclid=…")
    long id;
    if (byKey.isPresent() && filedThisRun.contains(byKey.get())) {
      id = byKey.get();
      h.createUpdate("UPDATE threads SET created_at = :created WHERE id = :id AND created_at > :created")
          .bind("created", t.createdAt()).bind("id", id).execute();
    } else {
      id = upsert(h, t);
    }
    if (mapped != null && mapped != id) {
      h.createUpdate("UPDATE comments SET thread_id = :to WHERE thread_id = :from AND source = :source")
          .bind("to", id).bind("from", mapped).bind("source", source).execute();
      moved.put(mapped, id);
      if (placeholders.remove(t.sourceId()) != null) {
        h.createUpdate("DELETE FROM thread_sources WHERE thread_id = :id").bind("id", mapped).execute();
        h.createUpdate("DELETE FROM threads WHERE id = :id AND NOT EXISTS (SELECT 1 FROM comments WHERE thread_id = :id)")
            .bind("id", mapped).execute();
      }
    }
    map(h, t.sourceId(), id);
  }

  /** The thread a thread id now stands for, after placeholders merged into real threads. */
  long current(long threadId) {
    Long to = moved.get(threadId);
    while (to != null) {
      threadId = to;
      to = moved.get(threadId);
    }
    return threadId;
  }

  /** Source ids of threads that posts named but the file never described. */
  Map<String, Long> placeholders() {
    return placeholders;
  }

  /**
   * The thread under the key the widget will use for the same page (README: Thread identity): the normalized key, or
   * the key of the thread already stored under a legacy spelling or alias of it, so imports and widget meet.
   */
  private ImportedThread identified(Handle h, ImportedThread t) {
    Set<String> naming = PageKey.identifying(t.url());
    if (!naming.isEmpty() && t.pageKey().contains("?")) keepParams(h, naming);
    Set<String> meaningful = new HashSet<>(pageParams);
    meaningful.addAll(naming);
    ThreadKey key = ThreadKey.of(t.pageKey(), meaningful);
    String stored = ThreadStore.find(h, siteId, key).map(CommentThread::pageKey).orElse(key.key());
    return new ImportedThread(t.sourceId(), stored, t.url(), t.title(), t.closed(), t.createdAt(), t.at());
  }

  /**
   * Links that name their article in the query string ({@code /?p=123}) keep it in the key, and the widget must keep it
   * too: the site's meaningful query parameters (README: Thread identity) gain those names, or every such article
   * would share the site root's thread.
   */
  private void keepParams(Handle h, Set<String> names) {
    Set<String> missing = new java.util.TreeSet<>(names);
    missing.removeAll(pageParams);
    if (missing.isEmpty()) return;
    pageParams.addAll(missing);
    h.createUpdate("UPDATE sites SET page_params = :params WHERE id = :site")
        .bind("params", String.join(" ", new java.util.TreeSet<>(pageParams))).bind("site", siteId).execute();
    warnings.add("links name their article in the query string (" + String.join(", ", missing) + "): added to the "
        + "site's meaningful query parameters (dashboard settings, Thread identity), so the widget on those pages "
        + "finds their threads");
  }

  String placeholderKey(String sourceId) {
    return format + "-thread-" + sourceId;
  }

  private long upsert(Handle h, ImportedThread t) {
    return h.createQuery("""
            INSERT INTO threads (site_id, page_key, url, title, closed, created_at)
            VALUES (:site, :key, :url, :title, :closed, :created)
            ON CONFLICT (site_id, page_key) DO UPDATE SET url = COALESCE(excluded.url, threads.url),
              title = COALESCE(excluded.title, threads.title), closed = excluded.closed,
              created_at = CASE WHEN excluded.created_at < threads.created_at
                THEN excluded.created_at ELSE threads.created_at END
            RETURNING id""")
        .bind("site", siteId).bind("key", t.pageKey()).bind("url", t.url()).bind("title", t.title())
        .bind("closed", t.closed()).bind("created", t.createdAt())
        .mapTo(Long.class).one();
  }

  private void map(Handle h, String sourceId, long threadId) {
    h.createUpdate("""
            INSERT INTO thread_sources (site_id, source, source_id, thread_id) VALUES (:site, :source, :sid, :thread)
            ON CONFLICT (site_id, source, source_id) DO UPDATE SET thread_id = excluded.thread_id""")
        .bind("site", siteId).bind("source", source).bind("sid", sourceId).bind("thread", threadId).execute();
    threads.put(sourceId, threadId);
    filed.add(threadId);
    filedThisRun.add(threadId);
  }

  /** How many Parley threads this run filed its records into, after merges. */
  long filedThisRun() {
    return filedThisRun.stream().map(this::current).distinct().count();
  }
}
