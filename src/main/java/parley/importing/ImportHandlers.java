package parley.importing;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import parley.importing.json.JsonImport;
import parley.store.Database;
import parley.kit.ApiException;
import parley.kit.ErrorCode;

/**
 * The admin upload of an export file. The body is streamed to a temporary file (refused past the configured size),
 * then imported exactly as the CLI does, and the report is returned. Must be mounted behind admin authentication.
 */
public final class ImportHandlers {
  private final Database db;
  private final ImportConfig config;
  private final ImportMeters meters;

  public ImportHandlers(Database db, ImportConfig config) {
    this(db, config, ImportMeters.none());
  }

  public ImportHandlers(Database db, ImportConfig config, ImportMeters meters) {
    this.db = db;
    this.config = config;
    this.meters = meters;
  }

  // POST /api/v1/sites/{site}/imports?format=disqus|wordpress|remark42|commento|comentario|isso|json[&pageKey=…] → report
  public void upload(Context ctx) throws IOException {
    String site = ctx.pathParam("site");
    String format = ctx.queryParam("format") == null ? "" : ctx.queryParam("format").toLowerCase(Locale.ROOT);
    boolean json = format.equals("json");
    Optional<Imports.Format> xml = Imports.Format.fromKey(format);
    if (!json && xml.isEmpty()) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED,
          "'format' must be disqus, wordpress, remark42, commento, comentario, isso or json.");
    }
    PageKey pageKey = pageKey(ctx.queryParam("pageKey"));
    Path file = Files.createTempFile("parley-upload", "." + format);
    try {
      receive(ctx, file);
      ctx.json(json ? restore(site, file) : importXml(xml.orElseThrow(), site, pageKey, file));
    } catch (ImportException e) {
      throw new ApiException(ErrorCode.IMPORT_FAILED, e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, e.getMessage());
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private void receive(Context ctx, Path file) throws IOException {
    long declared = ctx.req().getContentLengthLong();
    if (declared > config.maxUploadBytes()) throw tooLarge();
    try (InputStream in = ctx.req().getInputStream(); OutputStream out = Files.newOutputStream(file)) {
      byte[] buf = new byte[1 << 16];
      long total = 0;
      for (int n; (n = in.read(buf)) > 0; ) {
        total += n;
        if (total > config.maxUploadBytes()) throw tooLarge();
        out.write(buf, 0, n);
      }
    }
  }

  private Map<String, Object> importXml(Imports.Format format, String site, PageKey pageKey, Path file) {
    try {
      Imports.requireSite(db, site);
    } catch (IllegalArgumentException e) {
      throw new ApiException(ErrorCode.SITE_NOT_FOUND);
    }
    ImportReport r;
    try (ImportMeters.Tracked tracked = meters.track()) {
      r = Imports.xml(db, format, site, file, pageKey,
          Importer.Options.defaults().withLimits(config.limits()), tracked.progress());
      tracked.succeeded(r.inserted() + r.updated());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    ImportCounts c = r.counts();
    body.put("format", r.format());
    body.put("site", r.siteId());
    body.put("threads", r.threads());
    body.put("inserted", r.inserted());
    body.put("updated", r.updated());
    body.put("orphans", r.orphans());
    body.put("held", c.held());
    body.put("rejected", c.rejected());
    body.put("deleted", c.deleted());
    body.put("authors", c.authors());
    body.put("pingbacks", c.pingbacks());
    body.put("withoutId", c.withoutId());
    body.put("placeholderThreads", c.placeholderThreads());
    body.put("warningCount", r.warningCount());
    body.put("warnings", r.warnings());
    body.put("seconds", r.seconds());
    return body;
  }

  private Map<String, Object> restore(String site, Path file) throws IOException {
    String fileSite;
    try (InputStream in = Files.newInputStream(file)) {
      fileSite = siteOf(in);
    }
    if (!site.equals(fileSite)) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "The export is of site '" + fileSite + "', not '" + site + "'.");
    }
    try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      JsonImport.Result r;
      try (ImportMeters.Tracked tracked = meters.track()) {
        r = JsonImport.read(db, in, 5_000, Progress.none(), config.limits());
        tracked.succeeded(r.comments());
      }
      return Map.of("format", "json", "site", r.siteId(), "threads", r.threads(), "comments", r.comments(),
          "votes", r.votes(), "accounts", r.accounts(), "auditEntries", r.auditEntries(), "seconds", r.seconds());
    }
  }

  /** The site id inside an export, read without loading the file. */
  private static String siteOf(InputStream in) throws IOException {
    try (var p = new com.fasterxml.jackson.core.JsonFactory().createParser(in)) {
      while (p.nextToken() != null) {
        if (p.currentToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME && "site".equals(p.currentName())
            && p.getParsingContext().getParent().inRoot()) {
          p.nextToken();
          while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (name.equals("id")) return p.getText();
            p.skipChildren();
          }
          return null;
        }
      }
      return null;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new ApiException(ErrorCode.IMPORT_FAILED, "malformed JSON: " + e.getOriginalMessage());
    }
  }

  private static PageKey pageKey(String raw) {
    if (raw == null || raw.isBlank()) return PageKey.PATH;
    try {
      return PageKey.valueOf(raw.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "'pageKey' must be path, url or identifier.");
    }
  }

  private ApiException tooLarge() {
    return new ApiException(ErrorCode.REQUEST_TOO_LARGE,
        "The file is larger than the upload limit of " + config.maxUploadBytes() + " bytes; use `parley import`.");
  }
}
