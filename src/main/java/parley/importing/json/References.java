package parley.importing.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What rows of an export point at outside their own section. Accounts are global, not per site, so an export's account
 * ids may already be taken in the target: each exported account is matched to this database's by identity (SSO
 * subject of its site, else email, else the same id and creation time), or inserted — with its own id when that is
 * free, which keeps a restore into an empty database identical — and every reference to it is rewritten. A matched
 * account is left as it is: the target's logins are authoritative. Reports and audit entries must name a comment
 * of the site, since comments are global too.
 */
final class References {
  /** The column of each table that holds an account id. */
  static final Map<String, String> ACCOUNT_COLUMNS = Map.of("site_roles", "account_id",
      "comments", "author_account_id", "bans", "created_by", "audit_log", "actor_id");

  private final String siteId;
  /** Exported account id → this database's (null: unknown here, so the reference is dropped). */
  private final Map<Long, Long> accounts = new HashMap<>();

  References(String siteId) {
    this.siteId = siteId;
  }

  /** Matches or inserts one exported account; {@code names} are its columns this database has. */
  void account(Connection c, ObjectNode row, List<String> names) throws SQLException {
    long exported = row.path("id").asLong();
    Long id = match(c, row, exported);
    if (id == null) id = insert(c, row, names, one(c, "SELECT id FROM accounts WHERE id = ?", exported) == null);
    accounts.put(exported, id);
  }

  /**
   * This database's id for an exported account reference. An id the file did not list (a version-1 export has no
   * accounts) is kept when that account exists here, and dropped otherwise rather than failing on the foreign key.
   */
  Long account(Connection c, JsonNode ref) throws SQLException {
    if (ref == null || ref.isNull()) return null;
    long exported = ref.asLong();
    if (!accounts.containsKey(exported)) {
      accounts.put(exported, one(c, "SELECT id FROM accounts WHERE id = ?", exported));
    }
    return accounts.get(exported);
  }

  /** True when the comment exists and belongs to the site being restored. */
  boolean ownComment(Connection c, JsonNode commentId) throws SQLException {
    if (commentId == null || commentId.isNull()) return true;
    try (PreparedStatement st = c.prepareStatement(
        "SELECT t.site_id FROM comments c JOIN threads t ON t.id = c.thread_id WHERE c.id = ?")) {
      st.setLong(1, commentId.asLong());
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() && siteId.equals(rs.getString(1));
      }
    }
  }

  private static Long match(Connection c, ObjectNode row, long exported) throws SQLException {
    String ssoSite = text(row, "sso_site");
    String email = text(row, "email");
    if (ssoSite != null && one(c, "SELECT 1 FROM sites WHERE id = ?", ssoSite) == null) {
      // an SSO reader of a site this database lacks (they commented here too): kept as a name that cannot sign in
      for (String f : List.of("sso_site", "sso_subject", "email")) row.putNull(f);
      ssoSite = null;
      email = null;
    }
    if (ssoSite != null) {
      return one(c, "SELECT id FROM accounts WHERE sso_site = ? AND sso_subject = ?", ssoSite,
          text(row, "sso_subject"));
    }
    if (email != null) {
      return one(c, "SELECT id FROM accounts WHERE email = ? AND sso_site IS NULL", email.toLowerCase(Locale.ROOT));
    }
    return one(c, "SELECT id FROM accounts WHERE id = ? AND email IS NULL AND sso_site IS NULL AND created_at = ?",
        exported, row.path("created_at").asLong());
  }

  private static Long insert(Connection c, ObjectNode row, List<String> names, boolean keepId) throws SQLException {
    List<String> cols = new ArrayList<>();
    for (String n : names) {
      // never a credential from a file: an uploaded export must not be able to create a login
      if (!n.equals("password_hash") && (keepId || !n.equals("id"))) cols.add(n);
    }
    String sql = "INSERT INTO accounts (" + String.join(", ", cols) + ") VALUES ("
        + "?, ".repeat(cols.size() - 1) + "?) RETURNING id";
    try (PreparedStatement st = c.prepareStatement(sql)) {
      for (int i = 0; i < cols.size(); i++) RowWriter.bind(st, i + 1, row.get(cols.get(i)));
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static Long one(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) st.setObject(i + 1, args[i]);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  private static String text(ObjectNode row, String field) {
    JsonNode v = row.get(field);
    return v == null || v.isNull() ? null : Objects.toString(v.asText());
  }
}
