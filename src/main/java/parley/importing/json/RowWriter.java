package parley.importing.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import parley.importing.ImportException;
import parley.importing.Location;
import parley.store.Database;
import parley.store.Dialect;

/**
 * Upserts exported rows by their keys, column for column (a column the database lacks is ignored, one the file lacks
 * keeps its default), in batches of one transaction each. A row whose id already belongs to another site is refused.
 */
final class RowWriter {
  private record Table(String name, String conflict, String guard) {}

  private static final Map<String, Table> TABLES = Map.ofEntries(
      Map.entry("site", new Table("sites", "id", null)),
      Map.entry("sitePolicies", new Table("site_policies", "site_id", null)),
      Map.entry("articleDefaults", new Table("article_defaults", "site_id", null)),
      Map.entry("accounts", new Table("accounts", "id", null)), // matched, not upserted: see References
      Map.entry("siteRoles", new Table("site_roles", "account_id, site_id", null)),
      Map.entry("threads", new Table("threads", "id", "threads.site_id = excluded.site_id")),
      Map.entry("threadSources", new Table("thread_sources", "site_id, source, source_id", null)),
      Map.entry("comments", new Table("comments", "id",
          "(SELECT t.site_id FROM threads t WHERE t.id = comments.thread_id) = "
              + "(SELECT t.site_id FROM threads t WHERE t.id = excluded.thread_id)")),
      Map.entry("votes", new Table("votes", "comment_id, voter_hash", null)),
      // bans and reports by their natural keys, so a restore into their own database finds rows re-created since
      Map.entry("reports", new Table("reports", "comment_id, reporter_key", null)),
      Map.entry("bans", new Table("bans", "site_id, author_key", null)),
      Map.entry("auditLog", new Table("audit_log", "id", "audit_log.site_id = excluded.site_id")));
  /** Tables whose ids come from a sequence (PostgreSQL must move it past the ids restored). */
  private static final List<String> SEQUENCES = List.of("threads", "comments", "accounts", "reports", "bans",
      "audit_log");

  private record Pending(Table table, ObjectNode row, Location at, String record) {}

  private final Database db;
  private final String siteId;
  private final int batchSize;
  private final List<Pending> pending = new ArrayList<>();
  private final Set<Long> threadIds = new HashSet<>();
  private final Map<String, Set<String>> columns = new HashMap<>();
  private final References references;
  private final RowRules rules;

  RowWriter(Database db, String siteId, int batchSize, RowRules rules) {
    this.db = db;
    this.siteId = siteId;
    this.batchSize = batchSize;
    this.references = new References(siteId);
    this.rules = rules;
  }

  String siteId() {
    return siteId;
  }

  void site(ObjectNode site) {
    if (siteId.isBlank()) throw new ImportException("the site has no id", null, "site");
    pending.add(new Pending(TABLES.get("site"), site, null, "site"));
    flush();
  }

  void add(String section, ObjectNode row, Location at, String record) {
    Table table = TABLES.get(section);
    if (row.has("site_id") && !siteId.equals(row.get("site_id").asText())) {
      throw new ImportException("belongs to site '" + row.get("site_id").asText() + "', not '" + siteId + "'", at, record);
    }
    if (section.equals("threads")) threadIds.add(row.path("id").asLong());
    if (section.equals("comments") && !threadIds.contains(row.path("thread_id").asLong())) {
      throw new ImportException("thread " + row.path("thread_id").asText() + " is not among the site's threads", at, record);
    }
    rules.apply(section, row, at, record);
    pending.add(new Pending(table, row, at, record));
    if (pending.size() >= batchSize) flush();
  }

  void flush() {
    if (pending.isEmpty()) return;
    try {
      writeBatch();
    } catch (SQLException e) {
      throw new ImportException("the database refused a batch: " + e.getMessage(), null, null, e);
    }
    pending.clear();
  }

  private void writeBatch() throws SQLException {
    db.write(h -> {
      Connection c = h.getConnection();
      Map<String, PreparedStatement> statements = new HashMap<>();
      try {
        for (Pending p : pending) upsert(c, statements, p);
      } finally {
        for (PreparedStatement st : statements.values()) st.close();
      }
      return null;
    });
  }

  /** After the last batch: PostgreSQL's identity sequences must move past the ids inserted explicitly. */
  void finish() {
    flush();
    if (db.dialect() != Dialect.POSTGRESQL) return;
    db.write(h -> {
      for (String table : SEQUENCES) {
        h.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), "
            + "GREATEST((SELECT MAX(id) FROM " + table + "), 1))");
      }
      return null;
    });
  }

  private void upsert(Connection c, Map<String, PreparedStatement> statements, Pending p) throws SQLException {
    Set<String> known = columns(c, p.table().name());
    List<String> names = new ArrayList<>();
    p.row().fieldNames().forEachRemaining(f -> {
      if (known.contains(f)) names.add(f);
    });
    try {
      if (!resolve(c, p, names)) return;
      String key = p.table().name() + ":" + String.join(",", names);
      PreparedStatement st = statements.get(key);
      if (st == null) {
        st = c.prepareStatement(sql(p.table(), names));
        statements.put(key, st);
      }
      for (int i = 0; i < names.size(); i++) bind(st, i + 1, p.row().get(names.get(i)));
      if (st.executeUpdate() == 0) {
        throw new ImportException("id " + p.row().path("id").asText() + " already belongs to another site "
            + "(a Parley export restores its ids: import it into an empty database or the one it came from)", p.at(),
            p.record());
      }
    } catch (SQLException e) {
      throw new ImportException("the database refused the row: " + e.getMessage(), p.at(), p.record(), e);
    }
  }

  /** Rewrites account references, refuses comments of other sites; false when the row is written already. */
  private boolean resolve(Connection c, Pending p, List<String> names) throws SQLException {
    String table = p.table().name();
    if (table.equals("accounts")) {
      references.account(c, p.row(), names);
      return false;
    }
    String column = References.ACCOUNT_COLUMNS.get(table);
    if (column != null && p.row().has(column)) p.row().put(column, references.account(c, p.row().get(column)));
    if ((table.equals("reports") || table.equals("audit_log")) && !references.ownComment(c, p.row().get("comment_id"))) {
      throw new ImportException("comment " + p.row().path("comment_id").asText() + " is not among the site's comments",
          p.at(), p.record());
    }
    return true;
  }

  private static String sql(Table t, List<String> names) {
    List<String> keys = List.of(t.conflict().split(", "));
    List<String> updates = new ArrayList<>();
    for (String n : names) {
      // an id is never moved: it only stays put when the row is matched by another key
      if (!keys.contains(n) && !n.equals("id")) updates.add(n + " = excluded." + n);
    }
    String action = updates.isEmpty() ? "DO NOTHING" : "DO UPDATE SET " + String.join(", ", updates)
        + (t.guard() == null ? "" : " WHERE " + t.guard());
    return "INSERT INTO " + t.name() + " (" + String.join(", ", names) + ") VALUES ("
        + "?, ".repeat(names.size() - 1) + "?) ON CONFLICT (" + t.conflict() + ") " + action;
  }

  static void bind(PreparedStatement st, int i, JsonNode v) throws SQLException {
    if (v == null || v.isNull()) {
      st.setNull(i, Types.NULL);
    } else if (v.isBoolean()) {
      st.setBoolean(i, v.booleanValue());
    } else if (v.isIntegralNumber()) {
      st.setLong(i, v.longValue());
    } else if (v.isNumber()) {
      st.setDouble(i, v.doubleValue());
    } else {
      st.setString(i, v.isTextual() ? v.textValue() : v.toString());
    }
  }

  private Set<String> columns(Connection c, String table) throws SQLException {
    Set<String> known = columns.get(table);
    if (known != null) return known;
    known = new HashSet<>();
    try (var st = c.createStatement(); var rs = st.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
      ResultSetMetaData meta = rs.getMetaData();
      for (int i = 1; i <= meta.getColumnCount(); i++) known.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
    }
    known.removeAll(JsonExport.DERIVED); // a file that carries them must not overwrite what the triggers keep
    columns.put(table, known);
    return known;
  }
}
