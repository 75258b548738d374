package parley.comment;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import parley.thread.CommentThread;

/**
 * Rendered thread pages as everybody without per-reader state sees them, bounded by their bytes. An entry is valid
 * while its thread's id and version are those just read from the database: triggers bump the version in the same
 * transaction as every write that changes a page, so a stale entry is never served, on this instance or on any other
 * sharing the database, and nothing has to be told to forget. Thread-safe.
 */
public final class ThreadPageCache {
  /** Bytes an entry costs besides its JSON: key strings, the entry record, Caffeine's node. */
  private static final int ENTRY_OVERHEAD = 300;

  /** What identifies one page; {@code cursor} is "" for the first. */
  public record Key(String siteId, String pageKey, Sort sort, String cursor, int limit) {}

  /** The page's JSON, the same gzipped (null when not cached), its ETag, and the thread state it was rendered from. */
  public record Page(byte[] json, byte[] gzipped, String etag, long threadId, long version) {}

  private final Cache<Key, Page> cache;
  private final boolean enabled;

  /** {@code maxBytes} 0 keeps nothing (every read renders). */
  public ThreadPageCache(long maxBytes, MeterRegistry meters) {
    this.enabled = maxBytes > 0;
    this.cache = Caffeine.newBuilder()
        .maximumWeight(maxBytes)
        .weigher((Key k, Page p) -> p.json().length + (p.gzipped() == null ? 0 : p.gzipped().length) + ENTRY_OVERHEAD)
        .recordStats()
        .build();
    if (meters != null) CaffeineCacheMetrics.monitor(meters, cache, "thread_pages");
  }

  /** The cached page if it was rendered from this very version of the thread; null otherwise. */
  public Page current(Key key, CommentThread thread) {
    Page p = cache.getIfPresent(key);
    return p != null && p.threadId() == thread.id() && p.version() == thread.version() ? p : null;
  }

  public void put(Key key, Page page) {
    if (enabled) cache.put(key, page);
  }

  /** Entries held now (for tests and metrics). */
  public long size() {
    cache.cleanUp();
    return cache.estimatedSize();
  }
}
