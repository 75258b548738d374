package parley.importing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import parley.store.Dialect;

/**
 * Writes imported comments with multi-row upserts keyed by (source, source_id): a re-import updates the rows it wrote
 * before instead of adding copies, except the state of a comment a moderator has acted on in Parley (it has audit log
 * entries): a publisher re-importing the old system's export must not undo the newsroom's decisions. On SQLite it
 * buffers up to {@link #CHUNK} rows per {@code INSERT}; on PostgreSQL the rows are copied into a temporary table and
 * upserted from there by one {@code INSERT … SELECT} per flush ({@link CopyCsv}). One instance per write transaction.
 */
final class CommentRows {
  static final int CHUNK = 200;
  private static final String COLUMNS = "id, thread_id, parent_id, root_id, depth, author_name, author_email, "
      + "author_username, body_markdown, body_html, created_at, state, source, source_id, parent_source_id, "
      + "upvotes, downvotes, score";
  private static final int WIDTH = 18;
  private static final String UPSERT = """
       ON CONFLICT (source, source_id) WHERE source IS NOT NULL DO UPDATE SET thread_id = excluded.thread_id,
        parent_id = excluded.parent_id, root_id = excluded.root_id, depth = excluded.depth,
        author_name = excluded.author_name, author_email = excluded.author_email,
        author_username = excluded.author_username, body_markdown = excluded.body_markdown,
        body_html = excluded.body_html, created_at = excluded.created_at,
        state = CASE WHEN EXISTS (SELECT 1 FROM audit_log a WHERE a.comment_id = comments.id) THEN comments.state
          ELSE excluded.state END,
        parent_source_id = excluded.parent_source_id
      WHERE comments.erased_at IS NULL""";

  /** One comment row, ready to write. Votes are written on insert only: a re-import must not undo Parley's votes. */
  record Row(long id, long threadId, Long parentId, Long rootId, int depth, String authorName, String authorEmail,
      String authorUsername, String markdown, String html, long createdAt, String state, String sourceId,
      String parentSourceId, int upvotes, int downvotes) {
    Row moved(long toThread, Long toParent, Long toRoot, int toDepth) {
      return new Row(id, toThread, toParent, toRoot, toDepth, authorName, authorEmail, authorUsername, markdown, html,
          createdAt, state, sourceId, parentSourceId, upvotes, downvotes);
    }

    /** The values of {@link #COLUMNS}, in their order. */
    void writeTo(RowValues values, String source) throws SQLException {
      values.add(id).add(threadId).add(parentId).add(rootId).add(depth).add(authorName).add(authorEmail)
          .add(authorUsername).add(markdown).add(html).add(createdAt).add(state).add(source).add(sourceId)
          .add(parentSourceId).add(upvotes).add(downvotes).add(upvotes - downvotes);
    }

    Row renumbered(long toId, Long toParent, Long toRoot) {
      return new Row(toId, threadId, toParent, toRoot, depth, authorName, authorEmail, authorUsername, markdown, html,
          createdAt, state, sourceId, parentSourceId, upvotes, downvotes);
    }
  }

  /** Rows copied per {@code INSERT … SELECT} on PostgreSQL, at most (about 8 MB of text at typical sizes). */
  static final int COPY_CHUNK = 20_000;
  private static final String STAGE = "import_comment_rows";

  private final Connection connection;
  private final String source;
  private final boolean copy;
  private final List<Row> rows = new ArrayList<>(CHUNK);
  private final Set<String> sourceIds = new HashSet<>();
  private PreparedStatement full;
  private boolean staged;

  CommentRows(Connection connection, Dialect dialect, String source) {
    this.connection = connection;
    this.source = source;
    this.copy = dialect == Dialect.POSTGRESQL;
  }

  void add(Row row) throws SQLException {
    // one statement may not upsert the same key twice (PostgreSQL refuses), so a repeated id starts a new chunk
    if (!sourceIds.add(row.sourceId())) {
      flush();
      sourceIds.add(row.sourceId());
    }
    rows.add(row);
    if (rows.size() == (copy ? COPY_CHUNK : CHUNK)) flush();
  }

  void flush() throws SQLException {
    if (rows.isEmpty()) return;
    if (copy) {
      copyAndUpsert();
    } else if (rows.size() == CHUNK) {
      if (full == null) full = connection.prepareStatement(sql(CHUNK));
      bindAndRun(full);
    } else {
      try (PreparedStatement st = connection.prepareStatement(sql(rows.size()))) {
        bindAndRun(st);
      }
    }
    rows.clear();
    sourceIds.clear();
  }

  void close() throws SQLException {
    flush();
    if (full != null) full.close();
  }

  private void copyAndUpsert() throws SQLException {
    try (var st = connection.createStatement()) {
      if (!staged) {
        // the columns as comments has them: no second list of their types to keep in step
        st.execute("CREATE TEMPORARY TABLE " + STAGE + " ON COMMIT DROP AS SELECT " + COLUMNS
            + " FROM comments WITH NO DATA");
        staged = true;
      } else {
        st.execute("TRUNCATE " + STAGE);
      }
      CopyCsv csv = new CopyCsv();
      for (Row r : rows) {
        r.writeTo(csv, source);
        csv.endRow();
      }
      csv.copyInto(connection, STAGE + " (" + COLUMNS + ")");
      st.executeUpdate("INSERT INTO comments (" + COLUMNS + ") SELECT " + COLUMNS + " FROM " + STAGE + UPSERT);
    }
  }

  private void bindAndRun(PreparedStatement st) throws SQLException {
    RowValues parameters = RowValues.parameters(st, 1);
    for (Row r : rows) r.writeTo(parameters, source);
    st.executeUpdate();
  }

  private static String sql(int n) {
    String row = "(" + "?, ".repeat(WIDTH - 1) + "?)";
    StringBuilder sb = new StringBuilder("INSERT INTO comments (" + COLUMNS + ") VALUES ");
    for (int k = 0; k < n; k++) sb.append(k == 0 ? "" : ", ").append(row);
    return sb.append(UPSERT).toString();
  }
}
