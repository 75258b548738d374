package parley.importing.disqus;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Writes a synthetic but realistic Disqus export for benchmarks: a few popular threads and a long tail, about 40 %
 * top-level posts and replies that mostly answer recent posts (nesting decays geometrically), body lengths from a
 * skewed distribution (median ~200 characters, a few over 5,000), some markup and links, ~2 % spam, ~3 % deleted.
 * Deterministic for a seed; memory is bounded by the number of threads, or with {@link #shuffled} (posts in random
 * order, so most replies come before their parents, as in hand-merged or re-sorted exports) 20 bytes a post.
 */
public final class DisqusGenerator {
  private static final String[] WORDS = ("the a tram line council city budget station bus route night service people "
      + "really think agree disagree because years would could never always money street shop week stop opens "
      + "article data source point fair question better worse depends live work hospital school cost plan vote "
      + "über café naïve 東京 مرحبا").split(" ");
  private static final String[] NAMES = {"Ana", "Bob", "Chen Wei", "Dana", "Émile", "Farah", "Gus", "Hiro", "Ines",
      "Jonas", "Kofi", "Lena", "Marta K.", "Nils", "Olu", "Priya S.", "Quinn", "Rosa", "Sam", "Tom Whitfield"};
  private static final int RECENT = 32;
  private static final long START = Instant.parse("2012-01-01T00:00:00Z").toEpochMilli();
  private static final long SPAN = 12L * 365 * 24 * 3600 * 1000;

  private final SplittableRandom random;
  private final int threads;
  private final long posts;
  private final long seed;
  private final boolean shuffle;

  public DisqusGenerator(int threads, long posts, long seed) {
    this(threads, posts, seed, false);
  }

  private DisqusGenerator(int threads, long posts, long seed, boolean shuffle) {
    this.threads = Math.max(1, threads);
    this.posts = posts;
    this.seed = seed;
    this.random = new SplittableRandom(seed);
    this.shuffle = shuffle;
  }

  /** The same kind of file with its posts in random order (the threads still come first). */
  public DisqusGenerator shuffled() {
    return new DisqusGenerator(threads, posts, seed, true);
  }

  public void write(Writer out) throws IOException {
    out.write("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<disqus xmlns=\"http://disqus.com\" "
        + "xmlns:dsq=\"http://disqus.com/disqus-internals\">\n");
    for (int t = 0; t < threads; t++) {
      long created = START + SPAN * t / threads;
      out.write("<thread dsq:id=\"" + (1_000_000 + t) + "\"><id>post-" + t + "</id><forum>bench</forum>"
          + "<link>https://news.example.org/" + (2012 + t * 12 / threads) + "/story-" + t + "/</link>"
          + "<title>Story " + t + ": the council and the tram</title><message /><createdAt>" + iso(created)
          + "</createdAt><isClosed>" + (t % 50 == 0) + "</isClosed><isDeleted>false</isDeleted></thread>\n");
    }
    long[][] recent = new long[threads][RECENT];
    int[] counts = new int[threads];
    if (!shuffle) {
      for (long p = 0; p < posts; p++) {
        Planned post = plan(p, recent, counts);
        writePost(out, post.id, post.thread, post.parent, post.created);
      }
    } else {
      writeShuffled(out, recent, counts);
    }
    out.write("</disqus>\n");
  }

  private record Planned(long id, long thread, Long parent, long created) {}

  private Planned plan(long p, long[][] recent, int[] counts) {
    int t = (int) Math.min(threads - 1, (long) (threads * Math.pow(random.nextDouble(), 2.5)));
    long id = 10_000_000L + p;
    Long parent = null;
    if (counts[t] > 0 && random.nextDouble() < 0.6) {
      int back = (int) Math.min(Math.min(counts[t], RECENT) - 1, (long) (-Math.log(1 - random.nextDouble()) * 3));
      parent = recent[t][(counts[t] - 1 - back) % RECENT];
    }
    recent[t][counts[t]++ % RECENT] = id;
    long created = START + SPAN * t / threads + p % 100_000 * 60_000L + random.nextInt(60_000);
    return new Planned(id, 1_000_000 + t, parent, created);
  }

  /** Plans every post first (thread, parent, time: 20 bytes each), then writes them in a random permutation. */
  private void writeShuffled(Writer out, long[][] recent, int[] counts) throws IOException {
    int n = Math.toIntExact(posts);
    int[] thread = new int[n];
    int[] parent = new int[n]; // post index + 1, 0 for none
    long[] created = new long[n];
    for (int p = 0; p < n; p++) {
      Planned post = plan(p, recent, counts);
      thread[p] = (int) post.thread;
      parent[p] = post.parent == null ? 0 : (int) (post.parent - 10_000_000L) + 1;
      created[p] = post.created;
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) order[i] = i;
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    for (int p : order) {
      writePost(out, 10_000_000L + p, thread[p], parent[p] == 0 ? null : 10_000_000L + parent[p] - 1, created[p]);
    }
  }

  private void writePost(Writer out, long id, long thread, Long parent, long created) throws IOException {
    String name = NAMES[random.nextInt(NAMES.length)];
    int user = random.nextInt(50_000);
    boolean anonymous = random.nextInt(10) == 0;
    double r = random.nextDouble();
    StringBuilder sb = new StringBuilder(800);
    sb.append("<post dsq:id=\"").append(id).append("\"><id /><message><![CDATA[");
    body(sb);
    sb.append("]]></message><createdAt>").append(iso(created)).append("</createdAt><isDeleted>")
        .append(r < 0.03).append("</isDeleted><isSpam>").append(r >= 0.03 && r < 0.05).append("</isSpam><author>");
    if (!anonymous) sb.append("<email>user").append(user).append("@example.org</email>");
    sb.append("<name>").append(name).append("</name><isAnonymous>").append(anonymous).append("</isAnonymous>");
    if (!anonymous) sb.append("<username>user").append(user).append("</username>");
    sb.append("</author><ipAddress>192.0.2.").append(user % 250).append("</ipAddress><thread dsq:id=\"")
        .append(thread).append("\" />");
    if (parent != null) sb.append("<parent dsq:id=\"").append(parent).append("\" />");
    sb.append("</post>\n");
    out.write(sb.toString());
  }

  private void body(StringBuilder sb) {
    int chars = (int) Math.min(8_000, Math.exp(4.6 + random.nextGaussian() * 0.9) + 10);
    int paragraphs = 1 + chars / 400;
    for (int p = 0; p < paragraphs; p++) {
      sb.append("<p>");
      int target = chars / paragraphs;
      int start = sb.length();
      while (sb.length() - start < target) {
        String w = WORDS[random.nextInt(WORDS.length)];
        int roll = random.nextInt(60);
        if (roll == 0) {
          sb.append("<b>").append(w).append("</b> ");
        } else if (roll == 1) {
          sb.append("<i>").append(w).append("</i> ");
        } else if (roll == 2) {
          sb.append("<a href=\"https://example.org/").append(w).append("\" rel=\"nofollow\">").append(w).append("</a> ");
        } else {
          sb.append(w).append(roll == 3 ? ", " : roll == 4 ? ". " : " ");
        }
      }
      sb.append("</p>");
    }
  }

  private static String iso(long millis) {
    return Instant.ofEpochMilli(millis - millis % 1000).toString();
  }
}
