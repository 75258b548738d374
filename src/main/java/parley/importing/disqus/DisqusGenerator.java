package parley.importing.disqus;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Writes a synthetic but realistic Disqus export for benchmarks: a few popular threads and a long tail, about 40 %
 * top-level posts and replies that mostly answer recent posts (nesting decays geometrically), body lengths from a
 * skewed distribution (median ~200 characters, a few over 5,000), some markup and links, ~2 % spam, ~3 % deleted.
 * Deterministic for a seed; memory is bounded by the number of threads.
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

  private final SplittableRandom random;
  private final int threads;
  private final long posts;

  public DisqusGenerator(int threads, long posts, long seed) {
    this.threads = Math.max(1, threads);
    this.posts = posts;
    this.random = new SplittableRandom(seed);
  }

  public void write(Writer out) throws IOException {
    out.write("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<disqus xmlns=\"http://disqus.com\" "
        + "xmlns:dsq=\"http://disqus.com/disqus-internals\">\n");
    long span = 12L * 365 * 24 * 3600 * 1000;
    for (int t = 0; t < threads; t++) {
      long created = START + span * t / threads;
      out.write("<thread dsq:id=\"" + (1_000_000 + t) + "\"><id>post-" + t + "</id><forum>bench</forum>"
          + "<link>https://news.example.org/" + (2012 + t * 12 / threads) + "/story-" + t + "/</link>"
          + "<title>Story " + t + ": the council and the tram</title><message /><createdAt>" + iso(created)
          + "</createdAt><isClosed>" + (t % 50 == 0) + "</isClosed><isDeleted>false</isDeleted></thread>\n");
    }
    long[][] recent = new long[threads][RECENT];
    int[] counts = new int[threads];
    for (long p = 0; p < posts; p++) {
      int t = (int) Math.min(threads - 1, (long) (threads * Math.pow(random.nextDouble(), 2.5)));
      long id = 10_000_000L + p;
      Long parent = null;
      if (counts[t] > 0 && random.nextDouble() < 0.6) {
        int back = (int) Math.min(Math.min(counts[t], RECENT) - 1, (long) (-Math.log(1 - random.nextDouble()) * 3));
        parent = recent[t][(counts[t] - 1 - back) % RECENT];
      }
      recent[t][counts[t]++ % RECENT] = id;
      long created = START + span * t / threads + p % 100_000 * 60_000L + random.nextInt(60_000);
      writePost(out, id, 1_000_000 + t, parent, created);
    }
    out.write("</disqus>\n");
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
