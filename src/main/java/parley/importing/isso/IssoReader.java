package parley.importing.isso;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;
import parley.comment.CommentState;
import parley.importing.ImportException;
import parley.importing.ImportSink;
import parley.importing.ImportedPost;
import parley.importing.ImportedThread;
import parley.importing.PageKey;

/**
 * Reads Isso's SQLite database ({@code comments.db}: tables {@code threads(id, uri, title)} and {@code comments},
 * schema version 5 as {@code isso/db/comments.py} creates it), opened read-only so the file is never changed. A thread's
 * {@code uri} is what Isso's widget sends (the page path, or {@code data-isso-id}), so it is the page key as it is;
 * {@code text} is Markdown; {@code created} is Unix seconds as a float; {@code mode} 1 is accepted, 2 pending and 4 a
 * deleted comment Isso kept because it has replies (its text already blanked), imported as a deleted placeholder so
 * the replies keep their place. {@code remote_addr}, {@code website}, the {@code voters} Bloom filter and
 * {@code notification} are not imported. Not thread-safe.
 */
public final class IssoReader {
  public static final String FORMAT = parley.importing.Imports.Format.ISSO.key(); // the one spelling: Imports.Format
  private static final List<String> REQUIRED = List.of("tid", "id", "parent", "created", "mode", "text", "author",
      "email", "likes", "dislikes");

  private final PageKey pageKey;

  public IssoReader(PageKey pageKey) {
    this.pageKey = pageKey;
  }

  public void read(Path file, ImportSink sink) {
    if (!sqliteHeader(file)) {
      throw new ImportException("not an Isso database: " + file.getFileName() + " is not an SQLite file", null, null);
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setOpenMode(SQLiteOpenMode.READONLY);
    try (Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
      checkSchema(c);
      threads(c, sink);
      comments(c, sink);
    } catch (SQLException e) {
      throw new ImportException("cannot read the Isso database: " + e.getMessage(), null, null);
    }
  }

  /** An SQLite file starts with this 16-byte header; anything else would be opened as an empty new database. */
  private static boolean sqliteHeader(Path file) {
    try (var in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(16);
      return new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).equals("SQLite format 3\0");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void checkSchema(Connection c) throws SQLException {
    for (String table : List.of("threads", "comments")) {
      if (columns(c, table).isEmpty()) {
        throw new ImportException("not an Isso database: it has no table '" + table + "'", null, null);
      }
    }
    Set<String> missing = new LinkedHashSet<>(REQUIRED);
    missing.removeAll(columns(c, "comments"));
    Set<String> threadMissing = new LinkedHashSet<>(List.of("id", "uri", "title"));
    threadMissing.removeAll(columns(c, "threads"));
    if (!missing.isEmpty() || !threadMissing.isEmpty()) {
      throw new ImportException("not an Isso database (or an unknown version): "
          + (missing.isEmpty() ? "" : "table 'comments' lacks " + String.join(", ", missing))
          + (!missing.isEmpty() && !threadMissing.isEmpty() ? "; " : "")
          + (threadMissing.isEmpty() ? "" : "table 'threads' lacks " + String.join(", ", threadMissing)), null, null);
    }
  }

  private static Set<String> columns(Connection c, String table) throws SQLException {
    Set<String> names = new HashSet<>();
    try (PreparedStatement st = c.prepareStatement("SELECT name FROM pragma_table_info(?)")) {
      st.setString(1, table);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) names.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
      }
    }
    return names;
  }

  /** Streams the threads, each dated by its first comment. */
  private void threads(Connection c, ImportSink sink) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
        SELECT t.id, t.uri, t.title, MIN(c.created) FROM threads t LEFT JOIN comments c ON c.tid = t.id
        GROUP BY t.id, t.uri, t.title ORDER BY t.id""")) {
      while (rs.next()) {
        long id = rs.getLong(1);
        String uri = blankToNull(rs.getString(2));
        double first = rs.getDouble(4);
        long created = rs.wasNull() ? System.currentTimeMillis() : Math.round(first * 1000);
        sink.thread(new ImportedThread(String.valueOf(id), pageKey.choose(null, uri, FORMAT + "-thread-" + id), null,
            blankToNull(rs.getString(3)), false, created, null));
      }
    }
  }

  /** Streams the comments; a comment whose thread row is missing goes to a placeholder thread (with a warning). */
  private void comments(Connection c, ImportSink sink) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
        SELECT tid, id, parent, created, mode, text, author, email, likes, dislikes FROM comments ORDER BY tid, id""")) {
      while (rs.next()) {
        String id = String.valueOf(rs.getLong(2));
        String record = "comment id=" + id;
        String parent = blankToNull(rs.getString(3));
        double createdSeconds = rs.getDouble(4);
        long created = Math.round(createdSeconds * 1000);
        if (rs.wasNull()) {
          sink.warning(record + " has no created time: dated at the time of the import");
          created = System.currentTimeMillis();
        }
        CommentState state = state(rs.getObject(5), record, sink);
        String threadId = rs.getObject(1) == null ? "none" : String.valueOf(rs.getLong(1));
        // Isso's delete blanks text, author and website but forgets the email: a placeholder keeps none
        String email = state == CommentState.DELETED ? null : rs.getString(8);
        sink.post(new ImportedPost(id, threadId, "0".equals(parent) ? null : parent, rs.getString(7),
            email, null, created,
            rs.getString(6) == null ? "" : rs.getString(6), ImportedPost.BodyFormat.MARKDOWN, state, null,
            rs.getInt(9), rs.getInt(10)));
      }
    }
  }

  private static CommentState state(Object mode, String record, ImportSink sink) {
    int m = mode instanceof Number n ? n.intValue() : -1;
    return switch (m) {
      case 1 -> CommentState.PUBLISHED;
      case 2 -> CommentState.PENDING;
      case 4 -> CommentState.DELETED;
      default -> {
        sink.warning(record + " has mode " + mode + " (Isso knows 1, 2 and 4): held for a moderator");
        yield CommentState.PENDING;
      }
    };
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
