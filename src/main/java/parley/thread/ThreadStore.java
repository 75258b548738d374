package parley.thread;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import parley.store.Database;

/** SQL for threads. */
public final class ThreadStore {
  static final RowMapper<CommentThread> THREAD = (rs, ctx) -> new CommentThread(
      rs.getLong("id"),
      rs.getString("site_id"),
      rs.getString("page_key"),
      rs.getString("url"),
      rs.getString("title"),
      rs.getBoolean("closed"),
      Instant.ofEpochMilli(rs.getLong("created_at")),
      rs.getLong("version"),
      rs.getInt("published_count"),
      settings(rs),
      defaults(rs));

  /** Every read of a thread joins its site's article defaults, so {@link CommentThread#effective()} needs no second query. */
  static final String SELECT = """
      SELECT t.*, d.premoderate AS d_premoderate, d.close_after_days AS d_close_after_days, d.notice AS d_notice,
        d.qa AS d_qa
      FROM threads t LEFT JOIN article_defaults d ON d.site_id = t.site_id""";

  private static ArticleDefaults defaults(java.sql.ResultSet rs) throws java.sql.SQLException {
    int days = rs.getInt("d_close_after_days");
    Integer after = rs.wasNull() ? null : days;
    return new ArticleDefaults(rs.getBoolean("d_premoderate"), after, rs.getString("d_notice"), rs.getBoolean("d_qa"));
  }

  private static ThreadSettings settings(java.sql.ResultSet rs) throws java.sql.SQLException {
    long closesAt = rs.getLong("closes_at");
    Instant closes = rs.wasNull() ? null : Instant.ofEpochMilli(closesAt); // before any other column is read
    return new ThreadSettings(Toggle.stored(rs.getBoolean("premoderate"), rs.getBoolean("premoderate_off")),
        rs.getString("notice"), closes, rs.getBoolean("keep_open"),
        Toggle.stored(rs.getBoolean("qa"), rs.getBoolean("qa_off")));
  }

  private final Database db;

  public ThreadStore(Database db) {
    this.db = db;
  }

  public Optional<CommentThread> find(long id) {
    return db.read(h -> h.createQuery(SELECT + " WHERE t.id = :id").bind("id", id).map(THREAD).findOne());
  }

  /** A thread by id inside the caller's transaction. */
  public Optional<CommentThread> find(Handle h, long id) {
    return h.createQuery(SELECT + " WHERE t.id = :id").bind("id", id).map(THREAD).findOne();
  }

  public Optional<CommentThread> find(String siteId, String pageKey) {
    return db.read(h -> find(h, siteId, pageKey));
  }

  /**
   * The thread under the key, or under one of its legacy spellings (threads stored before keys were normalized), or
   * the thread an admin moved or merged that key into.
   */
  public Optional<CommentThread> find(String siteId, ThreadKey key) {
    return db.read(h -> find(h, siteId, key));
  }

  /** As {@link #find(String, ThreadKey)}, inside the caller's transaction. */
  public static Optional<CommentThread> find(Handle h, String siteId, ThreadKey key) {
    for (String candidate : key.candidates()) {
      Optional<CommentThread> t = find(h, siteId, candidate);
      if (t.isPresent()) return t;
    }
    for (String candidate : key.candidates()) {
      Optional<CommentThread> t = h.createQuery(SELECT
              + " JOIN thread_aliases a ON t.id = a.thread_id WHERE a.site_id = :site AND a.page_key = :page")
          .bind("site", siteId).bind("page", candidate).map(THREAD).findOne();
      if (t.isPresent()) return t;
    }
    return Optional.empty();
  }

  private static Optional<CommentThread> find(Handle h, String siteId, String pageKey) {
    return h.createQuery(SELECT + " WHERE t.site_id = :site AND t.page_key = :page")
        .bind("site", siteId)
        .bind("page", pageKey)
        .map(THREAD)
        .findOne();
  }

  /** Finds the thread or creates it (stamped {@code now}); must run inside a write. Url and title fill in when first known. */
  public CommentThread findOrCreate(Handle h, String siteId, String pageKey, String url, String title, Instant now) {
    h.createUpdate("""
            INSERT INTO threads (site_id, page_key, url, title, created_at) VALUES (:site, :page, :url, :title, :now)
            ON CONFLICT (site_id, page_key) DO UPDATE
              SET url = COALESCE(threads.url, excluded.url), title = COALESCE(threads.title, excluded.title)""")
        .bind("site", siteId)
        .bind("page", pageKey)
        .bind("url", url)
        .bind("title", title)
        .bind("now", now.toEpochMilli())
        .execute();
    return find(h, siteId, pageKey).orElseThrow();
  }

  /** Closes or reopens a site's thread inside the caller's write (its audit entry commits with it); false if none. */
  public boolean setClosed(Handle h, String siteId, long threadId, boolean closed) {
    return h.createUpdate("UPDATE threads SET closed = :closed WHERE id = :id AND site_id = :site")
        .bind("closed", closed).bind("id", threadId).bind("site", siteId).execute() > 0;
  }

  /** Replaces a site's thread's settings inside the caller's write; bumps the version so cached pages show them. */
  public boolean setSettings(Handle h, String siteId, long threadId, ThreadSettings s) {
    return h.createUpdate("""
            UPDATE threads SET premoderate = :pre, premoderate_off = :preOff, notice = :notice, closes_at = :closes,
              keep_open = :keepOpen, qa = :qa, qa_off = :qaOff, version = version + 1
            WHERE id = :id AND site_id = :site""")
        .bind("pre", s.premoderate() == Toggle.ON).bind("preOff", s.premoderate() == Toggle.OFF)
        .bind("qa", s.qa() == Toggle.ON).bind("qaOff", s.qa() == Toggle.OFF)
        .bind("notice", s.notice()).bind("keepOpen", s.keepOpen())
        .bind("closes", s.closesAt() == null ? null : s.closesAt().toEpochMilli())
        .bind("id", threadId).bind("site", siteId).execute() > 0;
  }

  /** Published comments per page key, including keys that are aliases of moved or merged threads (the counter the triggers keep); pages without a thread count 0. */
  public Map<String, Integer> publishedCounts(String siteId, Collection<String> pageKeys) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    pageKeys.forEach(k -> counts.put(k, 0));
    if (pageKeys.isEmpty()) return counts;
    db.read(h -> h.createQuery(
            """
            SELECT page_key, published_count FROM threads WHERE site_id = :site AND page_key IN (<pages>)
            UNION ALL
            SELECT a.page_key, t.published_count FROM thread_aliases a JOIN threads t ON t.id = a.thread_id
            WHERE a.site_id = :site AND a.page_key IN (<pages>)""")
        .bind("site", siteId)
        .bindList("pages", pageKeys)
        .map((rs, ctx) -> Map.entry(rs.getString("page_key"), rs.getInt("published_count")))
        .list())
        .forEach(e -> counts.put(e.getKey(), e.getValue()));
    return counts;
  }

  /** Gives a thread a new key inside the caller's write; an alias that held the key gives it up (the key is reused for real). */
  public void rekey(Handle h, CommentThread thread, String key) {
    h.createUpdate("DELETE FROM thread_aliases WHERE site_id = :site AND page_key = :key")
        .bind("site", thread.siteId()).bind("key", key).execute();
    h.createUpdate("UPDATE threads SET page_key = :key WHERE id = :id").bind("key", key).bind("id", thread.id()).execute();
  }

  /** The thread's ids in the systems it was imported from now name thread {@code into} (two threads merged). */
  public void moveSources(Handle h, long from, long into) {
    h.createUpdate("UPDATE thread_sources SET thread_id = :into WHERE thread_id = :from")
        .bind("from", from).bind("into", into).execute();
  }

  /** The old key of {@code from}, and its older aliases, now lead to thread {@code toId}, inside the caller's write. */
  public void alias(Handle h, CommentThread from, long toId, Instant now) {
    h.createUpdate("UPDATE thread_aliases SET thread_id = :to WHERE thread_id = :from")
        .bind("to", toId).bind("from", from.id()).execute();
    h.createUpdate("INSERT INTO thread_aliases (site_id, page_key, thread_id, created_at) VALUES (:site, :key, :to, :now)")
        .bind("site", from.siteId()).bind("key", from.pageKey()).bind("to", toId).bind("now", now.toEpochMilli()).execute();
  }

  /** Deletes a thread that nothing references any more (merged into another), inside the caller's write. */
  public void delete(Handle h, long id) {
    h.createUpdate("DELETE FROM threads WHERE id = :id").bind("id", id).execute();
  }
}
