package parley.importing;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import parley.importing.CommentRows.Row;
import parley.store.Database;
import parley.store.Dialect;

/**
 * Writes converted batches, one transaction each: files threads, resolves each post's parent from the in-memory
 * {@link SourceIdMap} (posts whose parent is not known yet wait for {@link #repairTrees}) and upserts the rows. A
 * bulk load holds new rows whose place is not known yet back until the end ({@link HeldRows}). Confined to the
 * import's writer thread, apart from the counters read once the writes are done.
 */
final class BatchWriter {
  private static final int MAX_AUTHOR = 80;

  /** A post whose body is converted. */
  record Ready(ImportedPost post, HtmlBody.Converted body) {}

  private final Database db;
  private final String source;
  private final Warnings warnings;
  private final SourceIdMap posts = new SourceIdMap();
  /** Source id → parent source id of each post stored without its parent (in this import or an earlier one). */
  private final Map<String, String> waiting = new java.util.LinkedHashMap<>();
  private final ThreadResolver threads;
  /** Null unless this is a bulk load. */
  private final HeldRows held;
  private volatile long inserted;
  private volatile long updated;
  private long orphans;

  BatchWriter(Database db, String siteId, String source, String format, Warnings warnings, HeldRows held) {
    this.db = db;
    this.held = held;
    this.source = source;
    this.warnings = warnings;
    this.threads = db.read(h -> {
      h.createQuery("SELECT source_id, id, thread_id, root_id, depth, parent_source_id, parent_id FROM comments "
              + "WHERE source = :source")
          .bind("source", source)
          .map((rs, ctx) -> {
            posts.put(rs.getString(1), new SourceIdMap.Entry(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getInt(5)));
            if (rs.getString(6) != null && rs.getObject(7) == null) waiting.put(rs.getString(1), rs.getString(6));
            return 1;
          })
          .forEach(x -> { });
      return new ThreadResolver(h, siteId, source, format, warnings);
    });
  }

  void write(List<Object> items) {
    try {
      writeBatch(items);
    } catch (SQLException e) {
      throw new ImportException("the database refused a batch: " + e.getMessage(), null, null, e);
    }
  }

  private void writeBatch(List<Object> items) throws SQLException {
    db.write(h -> {
      largeCache(h);
      CommentRows rows = new CommentRows(h.getConnection(), db.dialect(), source);
      IdAllocator ids = new IdAllocator(h, db.dialect());
      int left = items.size();
      for (Object item : items) {
        left--;
        if (item instanceof ImportedThread t) {
          rows.flush();
          threads.thread(h, t);
        } else if (item instanceof Ready r) {
          Row row = row(h, r, ids, left);
          if (row != null) rows.add(row);
          if (held != null && held.full()) writeHeldWhereTheyStand(rows, ids);
        }
      }
      rows.close();
      return null;
    });
  }

  private Row row(Handle h, Ready ready, IdAllocator ids, int left) throws SQLException {
    ImportedPost p = ready.post();
    long threadId = threads.threadOf(h, p.threadSourceId(), p.createdAt());
    SourceIdMap.Entry parent = null;
    if (p.parentSourceId() != null) {
      parent = p.parentSourceId().equals(p.sourceId()) ? null : posts.get(p.parentSourceId());
      if (parent != null && threads.current(parent.threadId()) != threadId) parent = null;
    }
    if (parent == null && p.parentSourceId() != null) {
      waiting.put(p.sourceId(), p.parentSourceId());
    } else {
      waiting.remove(p.sourceId());
    }
    boolean late = parent == null && p.parentSourceId() != null;
    long root = parent == null ? 0 : (parent.root() == 0 ? parent.id() : parent.root());
    SourceIdMap.Entry existing = posts.get(p.sourceId());
    boolean hold = held != null && (existing == null ? held.wants(late, root) : held.holds(existing.id()));
    long id = existing != null ? existing.id() : hold ? held.standInId() : ids.next(left + 1);
    if (existing != null) {
      updated++;
    } else {
      inserted++;
    }
    int depth = parent == null ? 0 : parent.depth() + 1;
    posts.put(p.sourceId(), new SourceIdMap.Entry(id, threadId, root, depth));
    Row row = new Row(id, threadId, parent == null ? null : parent.id(), root == 0 ? null : root, depth,
        authorName(p.authorName()), email(p.authorEmail()), blankToNull(HtmlBody.line(p.authorUsername())),
        ready.body().markdown(), ready.body().html(), p.createdAt(), p.state().key(), p.sourceId(),
        p.parentSourceId(), Math.max(0, p.upvotes()), Math.max(0, p.downvotes()));
    if (!hold) return row;
    held.hold(row, late);
    return null;
  }

  /** The hold is full: its rows are written as they stand (the repair moves them later) under their real ids. */
  private void writeHeldWhereTheyStand(CommentRows rows, IdAllocator ids) throws SQLException {
    for (Row r : held.place(Map.of(), threads::current, ids::next).rows()) {
      rows.add(r);
      posts.put(r.sourceId(), new SourceIdMap.Entry(r.id(), r.threadId(), r.rootId() == null ? 0 : r.rootId(),
          r.depth()));
    }
  }

  /**
   * Links posts that arrived before their parents and reports the rest; warns about threads never described. Writes
   * by primary key only, so a bulk load runs it before rebuilding its indexes.
   */
  void repairTrees() {
    if (!waiting.isEmpty() || (held != null && !held.isEmpty())) {
      TreeRepair.Result result = TreeRepair.plan(posts, waiting, threads::current, 50);
      try {
        db.write(h -> {
          largeCache(h);
          Map<Long, TreeRepair.Change> toHeld = new HashMap<>();
          List<TreeRepair.Change> toWritten = new ArrayList<>();
          for (TreeRepair.Change c : result.changes()) {
            if (c.id() < 0) {
              toHeld.put(c.id(), c);
            } else {
              toWritten.add(c);
            }
          }
          if (held != null && !held.isEmpty()) {
            // the held rows go in first, in their place: a written row may be moved under one of them
            HeldRows.Placed placed = held.place(toHeld, threads::current, new IdAllocator(h, db.dialect())::next);
            CommentRows rows = new CommentRows(h.getConnection(), db.dialect(), source);
            for (Row r : placed.rows()) rows.add(r);
            rows.close();
            toWritten.replaceAll(c -> new TreeRepair.Change(c.id(), placed.real(c.parentId()), placed.real(c.root()),
                c.depth()));
          }
          TreeRepair.apply(h, db.dialect(), toWritten);
          return null;
        });
      } catch (SQLException e) {
        throw new ImportException("the database refused the tree repair: " + e.getMessage(), null, null, e);
      }
      orphans = result.orphans();
      result.examples().forEach(warnings::add);
    }
    for (Map.Entry<String, Long> p : threads.placeholders().entrySet()) {
      warnings.add("thread " + p.getKey() + " is named by posts but not described in the file: its comments are "
          + "under page key '" + threads.placeholderKey(p.getKey()) + "'");
    }
  }

  /**
   * The indexes of a large import (at least {@code comments_source}, on which it upserts) outgrow SQLite's default
   * 2 MB page cache; 64 MB keeps their hot pages in memory. Set per transaction: the pool's connections are shared.
   */
  private void largeCache(Handle h) {
    if (db.dialect() == Dialect.SQLITE) h.execute("PRAGMA cache_size = -65536");
  }

  private static String authorName(String raw) {
    String name = HtmlBody.line(raw);
    if (name == null || name.isEmpty()) return "Anonymous";
    return name.length() > MAX_AUTHOR ? name.substring(0, MAX_AUTHOR) : name;
  }

  private static String email(String raw) {
    String email = HtmlBody.line(raw);
    return email == null || email.length() > 254 || email.indexOf('@') < 1 ? null : email.toLowerCase(Locale.ROOT);
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /** The Parley threads this import's records went to, after merging records for one page. */
  long threadsFiled() {
    return threads.filedThisRun();
  }

  long inserted() {
    return inserted;
  }

  long updated() {
    return updated;
  }

  long comments() {
    return inserted + updated;
  }

  long orphans() {
    return orphans;
  }
}
