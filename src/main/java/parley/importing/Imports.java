package parley.importing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;
import parley.importing.disqus.DisqusReader;
import parley.importing.isso.IssoReader;
import parley.importing.commento.CommentoReader;
import parley.importing.remark42.Remark42Reader;
import parley.importing.wordpress.WxrReader;
import parley.store.Database;

/** The entry points for importing a file into a site, used by the CLI and the admin upload. */
public final class Imports {
  /** Builds the progress display from the file size and a supplier of bytes read so far. */
  public interface ProgressFactory extends BiFunction<Long, LongSupplier, Progress> {
    ProgressFactory NONE = (size, read) -> Progress.none();
  }

  /** The formats of other systems Parley reads (a Parley JSON export is restored by JsonImport instead). */
  public enum Format {
    DISQUS, WORDPRESS, REMARK42, COMMENTO, ISSO;

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The format named by its key; "comentario" is Commento's (one reader tells their files apart). */
    public static java.util.Optional<Format> fromKey(String key) {
      String k = "comentario".equals(key) ? COMMENTO.key() : key;
      return java.util.Arrays.stream(values()).filter(f -> f.key().equals(k)).findFirst();
    }
  }

  private Imports() {}

  /**
   * Checks the whole file, then imports it: a malformed file fails the check with its line, column and record before
   * anything is written (not even the run log), so the database stays exactly as it was.
   */
  public static ImportReport xml(Database db, Format format, String siteId, Path file, PageKey pageKey,
      Importer.Options options, ProgressFactory progress) {
    requireSite(db, siteId);
    DryRun check = dryRun(format, file, pageKey);
    return write(db, format, siteId, file, pageKey, options, progress, check.counts());
  }

  /** Reads the whole file without writing: its counts by kind and its warnings, or the error a malformed file gives. */
  public static DryRun dryRun(Format format, Path file, PageKey pageKey) {
    DryRun check = new DryRun();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      read(format, pageKey, file, in, check);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return check;
  }

  /** Imports a file that {@link #dryRun} has checked; {@code counts} are its counts, passed on to the report. */
  public static ImportReport write(Database db, Format format, String siteId, Path file, PageKey pageKey,
      Importer.Options options, ProgressFactory progress, ImportCounts counts) {
    requireSite(db, siteId);
    try (InputStream raw = Files.newInputStream(file)) {
      CountingInputStream counted = new CountingInputStream(raw);
      InputStream in = new BufferedInputStream(counted, 1 << 16);
      long size = Files.size(file);
      Progress bar = progress.apply(size, counted::count);
      boolean bulk = options.bulkLoad() && BulkLoad.worthwhile(db, size);
      return Importer.run(db, siteId, format.key(), file.getFileName().toString(), options.withBulkLoad(bulk), bar,
          counts, sink -> read(format, pageKey, file, in, sink));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Streams {@code in} (gunzipped first when it starts with gzip's magic bytes: Remark42 writes its backups as
   * {@code .gz}), or for a database file (Isso) reads {@code file} itself.
   */
  private static void read(Format format, PageKey pageKey, Path file, InputStream raw, ImportSink sink) {
    InputStream in = format == Format.ISSO ? raw : gunzipped(raw);
    switch (format) {
      case DISQUS -> readXml(in, sink, xml -> new DisqusReader(pageKey).read(xml, sink));
      case WORDPRESS -> readXml(in, sink, xml -> new WxrReader(pageKey).read(xml, sink));
      case REMARK42 -> new Remark42Reader(pageKey).read(in, sink);
      case COMMENTO -> new CommentoReader(pageKey).read(in, sink);
      case ISSO -> new IssoReader(pageKey).read(file, sink);
    }
  }

  private static void readXml(InputStream in, ImportSink sink, java.util.function.Consumer<InputStream> reader) {
    XmlControlChars xml = new XmlControlChars(in);
    reader.accept(xml);
    if (xml.warning() != null) sink.warning(xml.warning());
  }

  private static InputStream gunzipped(InputStream in) {
    try {
      in.mark(2);
      boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
      in.reset();
      if (!gzip) return in;
      return new BufferedInputStream(new java.io.FilterInputStream(new java.util.zip.GZIPInputStream(in, 1 << 16)) {
        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          try {
            return super.read(b, off, len);
          } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw damagedGzip(e);
          }
        }
      }, 1 << 16);
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      throw damagedGzip(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A bad header (while opening) or a cut or corrupt body (while reading). */
  private static ImportException damagedGzip(IOException e) {
    return new ImportException("damaged gzip file: " + e.getMessage(), null, null);
  }

  static void requireSite(Database db, String siteId) {
    boolean exists = db.read(h -> h.createQuery("SELECT COUNT(*) FROM sites WHERE id = :id")
        .bind("id", siteId).mapTo(Integer.class).one()) > 0;
    if (!exists) throw new IllegalArgumentException("Unknown site '" + siteId + "'");
  }
}
