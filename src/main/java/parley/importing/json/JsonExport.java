package parley.importing.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import parley.store.Database;

/**
 * Writes one site as Parley JSON: the site, its policy, the accounts it refers to and their roles on it, its threads,
 * the source ids of its threads, its comments and their votes, reports, bans and audit log, every column as stored
 * (states, scores, moderation reasons, source ids included), so nothing is lost. Credentials stay out: no password
 * hashes, sessions or SSO secrets (see docs/importing.md). Rows are
 * streamed in a fixed order (threads by id, comments parents-first by depth then id), which makes export → import into
 * an empty database → export byte-identical. Reads one consistent snapshot.
 */
public final class JsonExport {
  public static final String FORMAT = "parley-export";
  /** 2 added the moderation sections (sitePolicies … auditLog); version-1 files still import. */
  public static final int VERSION = 2;
  /** Columns stored as 0/1 by SQLite and as booleans by PostgreSQL; always written as booleans. */
  static final Set<String> BOOLEANS = Set.of("closed", "premoderate", "premoderate_off", "qa", "qa_off", "keep_open");
  /** Columns the database derives (triggers keep a thread's version and published count); a restore must not set them. */
  static final Set<String> DERIVED = Set.of("version", "published_count");
  /**
   * Credentials (an export travels further than the database: vendors, tickets; a hash can be cracked offline), and
   * the derived columns.
   */
  static final Set<String> OMITTED = Set.of("password_hash", "version", "published_count");
  /** Everything an account of the export is referenced by, plus the site's own SSO accounts. */
  private static final String ACCOUNTS = """
      SELECT * FROM accounts WHERE sso_site = :site OR id IN (
        SELECT account_id FROM site_roles WHERE site_id = :site
        UNION SELECT c.author_account_id FROM comments c JOIN threads t ON t.id = c.thread_id WHERE t.site_id = :site
        UNION SELECT created_by FROM bans WHERE site_id = :site
        UNION SELECT actor_id FROM audit_log WHERE site_id = :site)
      ORDER BY id""";

  private JsonExport() {}

  public static void write(Database db, String siteId, OutputStream out) {
    db.read(h -> {
      h.begin(); // one snapshot for every table
      try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeStringField("format", FORMAT);
        g.writeNumberField("version", VERSION);
        g.writeFieldName("site");
        if (!rows(h, g, "SELECT * FROM sites WHERE id = :site", siteId, false)) {
          throw new IllegalArgumentException("Unknown site '" + siteId + "'");
        }
        // accounts before everything that refers to them, as the importer needs
        g.writeFieldName("sitePolicies");
        rows(h, g, "SELECT * FROM site_policies WHERE site_id = :site", siteId, true);
        g.writeFieldName("articleDefaults");
        rows(h, g, "SELECT * FROM article_defaults WHERE site_id = :site", siteId, true);
        g.writeFieldName("accounts");
        rows(h, g, ACCOUNTS, siteId, true);
        g.writeFieldName("siteRoles");
        rows(h, g, "SELECT * FROM site_roles WHERE site_id = :site ORDER BY account_id", siteId, true);
        g.writeFieldName("threads");
        rows(h, g, "SELECT * FROM threads WHERE site_id = :site ORDER BY id", siteId, true);
        g.writeFieldName("threadSources");
        rows(h, g, "SELECT * FROM thread_sources WHERE site_id = :site ORDER BY source, source_id", siteId, true);
        g.writeFieldName("comments");
        rows(h, g, """
            SELECT c.* FROM comments c JOIN threads t ON t.id = c.thread_id WHERE t.site_id = :site
            ORDER BY c.depth, c.id""", siteId, true);
        g.writeFieldName("votes");
        rows(h, g, """
            SELECT v.* FROM votes v JOIN comments c ON c.id = v.comment_id JOIN threads t ON t.id = c.thread_id
            WHERE t.site_id = :site ORDER BY v.comment_id, v.voter_hash""", siteId, true);
        g.writeFieldName("reports");
        rows(h, g, """
            SELECT r.* FROM reports r JOIN comments c ON c.id = r.comment_id JOIN threads t ON t.id = c.thread_id
            WHERE t.site_id = :site ORDER BY r.id""", siteId, true);
        g.writeFieldName("bans");
        rows(h, g, "SELECT * FROM bans WHERE site_id = :site ORDER BY id", siteId, true);
        g.writeFieldName("auditLog");
        rows(h, g, "SELECT * FROM audit_log WHERE site_id = :site ORDER BY id", siteId, true);
        g.writeEndObject();
        g.writeRaw('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        h.rollback();
      }
      return null;
    });
  }

  /** Writes the query's rows as objects (in an array when {@code array}); false when there were none. */
  private static boolean rows(Handle h, JsonGenerator g, String sql, String siteId, boolean array) {
    return h.createQuery(sql).bind("site", siteId).scanResultSet((supplier, ctx) -> {
      try (ResultSet rs = supplier.get()) {
        ResultSetMetaData meta = rs.getMetaData();
        if (array) g.writeStartArray();
        boolean any = false;
        while (rs.next()) {
          any = true;
          g.writeStartObject();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            String name = meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT);
            if (!OMITTED.contains(name)) field(g, name, rs, i);
          }
          g.writeEndObject();
          if (!array) break;
        }
        if (array) g.writeEndArray();
        if (!array && !any) g.writeNull();
        return any;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private static void field(JsonGenerator g, String name, ResultSet rs, int i) throws IOException, SQLException {
    Object v = rs.getObject(i);
    g.writeFieldName(name);
    if (v == null) {
      g.writeNull();
    } else if (BOOLEANS.contains(name)) {
      g.writeBoolean(v instanceof Boolean b ? b : ((Number) v).longValue() != 0);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Number n && !(v instanceof java.math.BigDecimal) && !(v instanceof Double)
        && !(v instanceof Float)) {
      g.writeNumber(n.longValue());
    } else if (v instanceof Number n) {
      g.writeNumber(n.doubleValue());
    } else {
      g.writeString(v.toString());
    }
  }
}
