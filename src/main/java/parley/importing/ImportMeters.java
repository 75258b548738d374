package parley.importing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Import progress for Prometheus: uploads running, bytes read of bytes total across them, comments written. Bytes
 * read are sampled at scrape time from the running readers, so the import loop pays nothing. Thread-safe.
 */
public final class ImportMeters {
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicLong totalBytes = new AtomicLong();
  private final java.util.Set<LongSupplier> readers = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final Counter comments;
  private final Counter failures;

  public ImportMeters(MeterRegistry registry) {
    Gauge.builder("parley.imports.running", running, AtomicInteger::get).description("Imports in progress")
        .register(registry);
    Gauge.builder("parley.imports.bytes.total", totalBytes, AtomicLong::get)
        .description("Size of the files being imported").register(registry);
    Gauge.builder("parley.imports.bytes.read", this, m -> m.readers.stream().mapToLong(LongSupplier::getAsLong).sum())
        .description("Bytes read so far of the files being imported").register(registry);
    comments = Counter.builder("parley.imports.comments").description("Comments written by finished imports")
        .register(registry);
    failures = Counter.builder("parley.imports.failed").description("Imports that failed").register(registry);
  }

  public static ImportMeters none() {
    return new ImportMeters(new CompositeMeterRegistry());
  }

  /** A progress factory that tracks one import; call {@link Tracked#close} when it ends. */
  Tracked track() {
    running.incrementAndGet();
    return new Tracked();
  }

  final class Tracked implements AutoCloseable {
    private long size;
    private LongSupplier read;
    private boolean ok;

    Imports.ProgressFactory progress() {
      return (size, read) -> {
        this.size = size;
        this.read = read;
        totalBytes.addAndGet(size);
        readers.add(read);
        return Progress.none();
      };
    }

    void succeeded(long written) {
      ok = true;
      comments.increment(written);
    }

    @Override
    public void close() {
      running.decrementAndGet();
      if (read != null) {
        readers.remove(read);
        totalBytes.addAndGet(-size);
      }
      if (!ok) failures.increment();
    }
  }
}
