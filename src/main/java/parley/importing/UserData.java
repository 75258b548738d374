package parley.importing;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import parley.store.Database;

/**
 * The two GDPR requests every publisher receives: "send me my data" and "erase me". A person is found by email or by
 * username (from an import), optionally within one site. Erasure keeps each comment as a "[deleted]" placeholder with
 * its place in the thread (id, parent, root, depth, time), so replies by others stay readable, and marks it erased so
 * a later re-import of the old export does not bring it back. Thread-safe.
 */
public final class UserData {
  public static final String ERASED = "[deleted]";

  /** Who: an email or a username (exactly one), and optionally a site. */
  public record Person(String email, String username, String siteId) {
    public Person {
      if ((email == null) == (username == null)) throw new IllegalArgumentException("give an email or a username");
      if (email != null) email = email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    String where() {
      return (email != null ? "LOWER(c.author_email) = :who" : "c.author_username = :who")
          + (siteId != null ? " AND t.site_id = :site" : "");
    }

    <S extends org.jdbi.v3.core.statement.SqlStatement<S>> S bind(S statement) {
      statement.bind("who", who());
      return siteId == null ? statement : statement.bind("site", siteId);
    }

    String who() {
      return email != null ? email : username;
    }
  }

  private UserData() {}

  /** Writes every comment the person wrote, with its page, as JSON; returns how many. */
  public static long export(Database db, Person person, OutputStream out) {
    return db.read(h -> {
      try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeStringField(person.email() != null ? "email" : "username", person.who());
        g.writeArrayFieldStart("comments");
        long[] n = {0};
        var query = h.createQuery("""
                SELECT t.site_id, t.page_key, t.url, t.title, c.id, c.parent_id, c.author_name, c.author_email,
                  c.author_username, c.body_markdown, c.body_html, c.created_at, c.edited_at, c.state, c.score,
                  c.upvotes, c.downvotes, c.source, c.source_id
                FROM comments c JOIN threads t ON t.id = c.thread_id
                WHERE c.erased_at IS NULL AND\s""" + person.where() + " ORDER BY c.created_at, c.id");
        person.bind(query).mapToMap().stream().forEach(row -> {
              writeRow(g, row);
              n[0]++;
            });
        g.writeEndArray();
        g.writeEndObject();
        g.writeRaw('\n');
        return n[0];
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /**
   * Erases the person's comments, keeping them as placeholders, and (by email) their reply-notification subscriptions;
   * returns how many comments.
   */
  public static int erase(Database db, Person person) {
    return db.write(h -> {
      if (person.email() != null) {
        var delete = h.createUpdate("DELETE FROM reply_subscriptions WHERE email = :email"
            + (person.siteId() == null ? "" : " AND site_id = :site")).bind("email", person.email());
        if (person.siteId() != null) delete.bind("site", person.siteId());
        delete.execute();
      }
      return eraseComments(h, person);
    });
  }

  private static int eraseComments(org.jdbi.v3.core.Handle h, Person person) {
    return person.bind(h.createUpdate("""
            UPDATE comments SET author_name = :erased, author_email = NULL, author_username = NULL, client_hash = NULL,
              edit_token_hash = NULL, body_markdown = :erased, body_html = :html, state = 'deleted', scores = NULL,
              moderation = NULL, erased_at = :now
            WHERE erased_at IS NULL AND id IN (SELECT c.id FROM comments c JOIN threads t ON t.id = c.thread_id
              WHERE\s""" + person.where() + ")")
        .bind("erased", ERASED).bind("html", "<p>" + ERASED + "</p>").bind("now", System.currentTimeMillis()))
        .execute();
  }

  private static void writeRow(JsonGenerator g, Map<String, Object> row) {
    try {
      g.writeStartObject();
      for (Map.Entry<String, Object> e : row.entrySet()) {
        Object v = e.getValue();
        if (v instanceof Number num) {
          g.writeNumberField(e.getKey(), num.longValue());
        } else if (v == null) {
          g.writeNullField(e.getKey());
        } else {
          g.writeStringField(e.getKey(), v.toString());
        }
      }
      g.writeEndObject();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
