package parley.importing.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import parley.importing.ImportException;
import parley.importing.ImportLimits;
import parley.importing.Location;
import parley.importing.Progress;
import parley.store.Database;

/**
 * Restores a Parley JSON export, streaming: one row object in memory at a time, committed in batches. Ids are kept,
 * so export → import into an empty database → export is identical, and importing the same file again updates rows
 * instead of duplicating them. Rows must come parents-first and accounts before what refers to them, as
 * {@link JsonExport} writes them; accounts are matched to existing ones rather than overwritten (see References).
 */
public final class JsonImport {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** The first four are counted in {@link Result}; the rest came with version 2 (a version-1 file lacks them). */
  private static final List<String> SECTIONS = List.of("threads", "threadSources", "comments", "votes",
      "sitePolicies", "accounts", "siteRoles", "reports", "bans", "auditLog", "articleDefaults");

  /** What a restore did. */
  public record Result(String siteId, long threads, long comments, long votes, long accounts, long auditEntries,
      double seconds, List<String> warnings, long warningCount) {
    public String summary() {
      StringBuilder sb = new StringBuilder(String.format(java.util.Locale.ROOT,
          "Restored site '%s': %,d threads, %,d comments, %,d votes, %,d accounts, %,d audit entries in %.1f s.%n",
          siteId, threads, comments, votes, accounts, auditEntries, seconds));
      if (warningCount > 0) sb.append(String.format("%,d warnings:%n", warningCount));
      warnings.forEach(w -> sb.append("  ").append(w).append('\n'));
      if (warningCount > warnings.size()) sb.append("  ... and ").append(warningCount - warnings.size()).append(" more\n");
      return sb.toString();
    }
  }

  private JsonImport() {}

  public static Result read(Database db, InputStream in, int batchSize, Progress progress) {
    return read(db, in, batchSize, progress, ImportLimits.DEFAULT);
  }

  public static Result read(Database db, InputStream in, int batchSize, Progress progress, ImportLimits limits) {
    long started = System.nanoTime();
    RowRules rules = new RowRules(limits);
    String record = null;
    try (JsonParser p = new JsonFactory().createParser(in)) {
      p.setCodec(MAPPER);
      expect(p, p.nextToken(), JsonToken.START_OBJECT, "the export must be a JSON object");
      RowWriter writer = null;
      long[] counts = new long[SECTIONS.size()];
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "format" -> {
            if (!JsonExport.FORMAT.equals(p.getText())) throw error(p, "not a Parley export: format is '" + p.getText() + "'", null);
          }
          case "version" -> {
            if (p.getIntValue() > JsonExport.VERSION) throw error(p, "export version " + p.getIntValue() + " is newer than this Parley", null);
          }
          case "site" -> {
            record = "site";
            ObjectNode site = p.readValueAsTree();
            writer = new RowWriter(db, site.path("id").asText(), batchSize, rules);
            writer.site(site);
          }
          default -> {
            int section = SECTIONS.indexOf(field);
            if (section < 0 || value != JsonToken.START_ARRAY) {
              p.skipChildren();
              continue;
            }
            if (writer == null) throw error(p, "\"" + field + "\" comes before \"site\"", null);
            long n = 0;
            while (p.nextToken() == JsonToken.START_OBJECT) {
              record = field + "[" + n + "]";
              Location at = location(p);
              ObjectNode row = p.readValueAsTree();
              writer.add(field, row, at, record);
              n++;
              if (field.equals("comments")) progress.update(n);
            }
            counts[section] = n;
            writer.flush();
          }
        }
      }
      if (writer == null) throw new ImportException("the export has no \"site\"", location(p), null);
      writer.finish();
      progress.finish(counts[2]);
      return new Result(writer.siteId(), counts[0], counts[2], counts[3], counts[SECTIONS.indexOf("accounts")],
          counts[SECTIONS.indexOf("auditLog")], (System.nanoTime() - started) / 1e9, rules.warnings(),
          rules.warningCount());
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      throw new ImportException("malformed JSON: " + e.getOriginalMessage(),
          loc == null ? null : new Location(loc.getLineNr(), loc.getColumnNr()), record, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void expect(JsonParser p, JsonToken actual, JsonToken expected, String message) {
    if (actual != expected) throw error(p, message, null);
  }

  private static ImportException error(JsonParser p, String message, String record) {
    return new ImportException(message, location(p), record);
  }

  static Location location(JsonParser p) {
    var loc = p.currentTokenLocation();
    return new Location(loc.getLineNr(), loc.getColumnNr());
  }
}
