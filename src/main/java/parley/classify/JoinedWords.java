package parley.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Splits the words readers run together to get past a filter ("Ihatemuslims", "#deportallimmigrants",
 * "TotalLoser") into the words they are made of, before the accurate stage reads a comment: its network learnt
 * ordinary spelling, and reads "ihatemuslims" as word pieces that mean little.
 *
 * <p>A run of at least {@value #MIN_RUN} ASCII letters (apostrophes inside it are kept) is split only if it is not a
 * known word and its most likely split into common words is more likely than an unknown word of its length (a
 * unigram model, as in Norvig's segmenter). Known words and their counts come from {@value #RESOURCE}: the words of
 * the training sets' comments and SCOWL's English lists, built by {@code tools/finetune/wordlist.py}, which applies
 * these same rules. Left alone: links, e-mail addresses, {@code @mentions}, domain names and letters repeated for
 * emphasis ("yaaaas"). A name the lists do not know can be split ("Maddie"); the split then only changes what the
 * network reads, never the text, and explanations still point into the text as written ({@link Split#original}).
 */
public final class JoinedWords {
  static final String RESOURCE = "/parley/classify/words.tsv.gz";
  public static final int MIN_RUN = 7;
  private static final int MAX_RUN = 60, MAX_WORD = 30;
  /** Letters of unknown runs looked into per text: a hostile comment of 4,000 letters costs ~3 ms, not ~15. */
  private static final int MAX_LETTERS = 1000;
  /** The two-letter words a run may be split into (not "ed", "es", "nt", …: word ends, not words). */
  private static final Set<String> TWO_LETTER = Set.of("am", "an", "as", "at", "be", "by", "do", "go", "he", "hi",
      "if", "in", "is", "it", "me", "my", "no", "of", "oh", "ok", "on", "or", "so", "to", "up", "us", "we", "ya", "ye",
      "yo", "ur");
  /** Three- and four-letter words must have been seen this often in comments to be a piece. */
  private static final int SHORT_SEEN = 30;
  /** Prefixes and suffixes that are words only in lists ("pre", "sub", "ing"): never a piece ("pre form", "sub article"). */
  private static final Set<String> AFFIXES = Set.of("pre", "sub", "bio", "con", "com", "ing", "ers", "ion", "ive",
      "dis", "mis", "non", "tri", "uni", "ism", "ist", "ful", "ize", "ise", "ate", "ish", "ess", "ous", "ent", "ant",
      "ity", "ted", "der", "nes", "est", "ies", "ary", "ory", "eth");
  /** The cost of one letter of an unknown word, in nats: a split must cost less than log(total) + this per letter. */
  private static final double PER_LETTER = 2.0;

  private static volatile JoinedWords shipped;

  /** Sorted words, and per word the cost of it as a piece of a split (NaN: known, but never a piece). */
  private final String[] words;
  private final float[] cost;
  /** Per word, how often it was seen in the training sets' comments (0: from the English word lists alone). */
  private final int[] counts;
  /** The words the English word lists (SCOWL) have: words, however rarely readers write them. */
  private final java.util.BitSet english;
  private final double unknownBase;

  private JoinedWords(String[] words, int[] counts, java.util.BitSet english) {
    this.words = words;
    this.counts = counts;
    this.english = english;
    long total = 0;
    for (int c : counts) total += c + 1L;
    cost = new float[words.length];
    for (int i = 0; i < words.length; i++) {
      cost[i] = piece(words[i], counts[i]) ? (float) Math.log((double) total / (counts[i] + 1)) : Float.NaN;
    }
    unknownBase = Math.log(total);
  }

  /** The list shipped in the jar, read once. */
  public static JoinedWords shipped() {
    JoinedWords j = shipped;
    if (j == null) {
      synchronized (JoinedWords.class) {
        if (shipped == null) {
          try (InputStream in = JoinedWords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IOException(RESOURCE + " missing from the classpath");
            shipped = read(new GZIPInputStream(in));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        j = shipped;
      }
    }
    return j;
  }

  /** "word TAB count [TAB english]" lines, sorted by word (english: 1 where the English word lists have it). */
  static JoinedWords read(InputStream in) throws IOException {
    List<String> words = new ArrayList<>(100_000);
    int[] counts = new int[100_000];
    java.util.BitSet english = new java.util.BitSet();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line; (line = r.readLine()) != null; ) {
      int tab = line.indexOf('\t'), second = line.indexOf('\t', tab + 1);
      String w = line.substring(0, tab);
      if (!words.isEmpty() && words.getLast().compareTo(w) >= 0) throw new IOException(RESOURCE + ": not sorted at " + w);
      if (words.size() == counts.length) counts = Arrays.copyOf(counts, counts.length * 2);
      counts[words.size()] = Integer.parseInt(line, tab + 1, second < 0 ? line.length() : second, 10);
      if (second > 0 && line.charAt(second + 1) == '1') english.set(words.size());
      words.add(w);
    }
    return new JoinedWords(words.toArray(String[]::new), Arrays.copyOf(counts, words.size()), english);
  }

  private static boolean piece(String w, int count) {
    return switch (w.length()) {
      case 1 -> w.equals("a") || w.equals("i");
      case 2 -> TWO_LETTER.contains(w);
      case 3 -> count >= SHORT_SEEN && !AFFIXES.contains(w);
      case 4 -> count >= SHORT_SEEN;
      default -> true;
    };
  }

  /**
   * A text with spaces put between the words run together in it.
   *
   * @param spaces where each space went, as the code-point index in the original text of the letter it precedes
   */
  public record Split(String text, int[] spaces) { // also where Typos put a missing letter: the same mapping
    /** The code-point offset in the original text of a code-point offset in {@link #text}. */
    public int original(int offset) {
      int lo = 0, hi = spaces.length; // the spaces before offset: spaces[k] + k (its place in text) rises with k
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (spaces[mid] + mid < offset) lo = mid + 1;
        else hi = mid;
      }
      return offset - lo;
    }

    public boolean changed() {
      return spaces.length > 0;
    }
  }

  /** The text with its run-together words split (the same text, and no spaces, where there are none). */
  public Split split(String text) {
    StringBuilder out = null;
    List<Integer> spaces = null;
    int n = text.length(), cp = 0, copied = 0, tokenStart = 0;
    boolean skipToken = false;
    int[] budget = {MAX_LETTERS};
    for (int i = 0; i < n; ) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        tokenStart = i + 1;
        skipToken = false;
        i++;
        cp++;
        continue;
      }
      if (i == tokenStart) skipToken = linkLike(text, i);
      if (!asciiLetter(c)) {
        i += Character.charCount(text.codePointAt(i));
        cp++;
        continue;
      }
      int end = i; // a run: ASCII letters, with apostrophes between them
      while (end < n && (asciiLetter(text.charAt(end))
          || isApostrophe(text.charAt(end)) && end + 1 < n && asciiLetter(text.charAt(end + 1)) && end > i)) end++;
      boolean nonAsciiNext = end < n && Character.isLetter(text.charAt(end)) || i > 0 && Character.isLetter(text.charAt(i - 1));
      int[] cuts = skipToken || nonAsciiNext ? null : cuts(text, i, end, budget);
      if (cuts != null) {
        if (out == null) {
          out = new StringBuilder(n + 16);
          spaces = new ArrayList<>();
        }
        out.append(text, copied, i);
        int from = i;
        for (int cut : cuts) {
          out.append(text, from, cut).append(' ');
          spaces.add(cp + (cut - i));
          from = cut;
        }
        copied = from;
      }
      cp += end - i; // ASCII only
      i = end;
    }
    if (out == null) return new Split(text, new int[0]);
    out.append(text, copied, n);
    return new Split(out.toString(), spaces.stream().mapToInt(Integer::intValue).toArray());
  }

  /**
   * Where spaces go into the run text[from, to) (indices of the letters they precede), or null to leave it whole.
   * {@code budget[0]}: letters of unknown runs still to be looked into in this text.
   */
  private int[] cuts(String text, int from, int to, int[] budget) {
    if (to - from < MIN_RUN) return null; // most words: nothing to look up, nothing to allocate
    int[] at = new int[to - from]; // letters only: index into text
    StringBuilder run = new StringBuilder(to - from);
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (isApostrophe(c)) continue;
      at[run.length()] = i;
      run.append((char) (c | 0x20));
    }
    int n = run.length();
    if (n < MIN_RUN || n > MAX_RUN || budget[0] <= 0 || index(run, 0, n) >= 0 || emphasis(run)) return null;
    budget[0] -= n;
    double[] best = new double[n + 1];
    int[] back = new int[n + 1];
    Arrays.fill(best, Double.POSITIVE_INFINITY);
    best[0] = 0;
    for (int i = 1; i <= n; i++) {
      for (int j = Math.max(0, i - MAX_WORD); j < i; j++) {
        if (best[j] == Double.POSITIVE_INFINITY || i - j == 1 && i == n) continue; // "jordana" is not "jordan a"
        int w = index(run, j, i);
        if (w < 0 || Float.isNaN(cost[w])) continue;
        double c = best[j] + cost[w];
        if (c < best[i]) {
          best[i] = c;
          back[i] = j;
        }
      }
    }
    if (!(best[n] < unknownBase + PER_LETTER * n)) return null;
    List<Integer> starts = new ArrayList<>();
    for (int i = n; i > 0; i = back[i]) starts.addFirst(back[i]);
    if (starts.size() < 2) return null;
    for (int k = 1; k < starts.size(); k++) {
      int prevLen = starts.get(k) - starts.get(k - 1), len = (k + 1 < starts.size() ? starts.get(k + 1) : n) - starts.get(k);
      if (prevLen == 1 && len == 1) return null; // "editiion" is not "edit i i on"
    }
    int last = starts.getLast(), beforeLast = starts.get(starts.size() - 2);
    if (n - last == 2 && run.charAt(last) == 'i' && run.charAt(last + 1) == 'n'
        && index(run.substring(beforeLast, last) + "ing", 0, last - beforeLast + 3) >= 0) {
      return null; // "thinkin": a dropped g, not "think in"
    }
    int[] cuts = new int[starts.size() - 1];
    for (int k = 1; k < starts.size(); k++) cuts[k - 1] = at[starts.get(k)];
    return cuts;
  }

  /** Whether {@code lower} (lower case) is a known word. */
  boolean known(CharSequence lower) {
    return index(lower, 0, lower.length()) >= 0;
  }

  /** Whether {@code lower} is a known word that may also be a piece of a split: for 3–4 letters, a common one. */
  boolean common(CharSequence lower) {
    int w = index(lower, 0, lower.length());
    return w >= 0 && !Float.isNaN(cost[w]);
  }

  /** How often {@code lower} was seen in the training sets' comments: 0 for a word of the English lists alone, -1 if unknown. */
  int seen(CharSequence lower) {
    int w = index(lower, 0, lower.length());
    return w < 0 ? -1 : counts[w];
  }

  /** Whether the English word lists have {@code lower} (not only the comments: "goverment" is not English). */
  boolean english(CharSequence lower) {
    int w = index(lower, 0, lower.length());
    return w >= 0 && english.get(w);
  }

  /** The index of s[from, to) among the known words, or -1. */
  private int index(CharSequence s, int from, int to) {
    int lo = 0, hi = words.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1, c = compare(words[mid], s, from, to);
      if (c == 0) return mid;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private static int compare(String w, CharSequence s, int from, int to) {
    int len = to - from, m = Math.min(w.length(), len);
    for (int k = 0; k < m; k++) {
      int d = w.charAt(k) - s.charAt(from + k);
      if (d != 0) return d;
    }
    return w.length() - len;
  }

  /** A letter four times in a row: emphasis ("yaaaas", "fuckkkk"); three can be a join ("worthlessspastics"). */
  private static boolean emphasis(CharSequence run) {
    for (int k = 3; k < run.length(); k++) {
      char c = run.charAt(k);
      if (c == run.charAt(k - 1) && c == run.charAt(k - 2) && c == run.charAt(k - 3)) return true;
    }
    return false;
  }

  /** A token (from its first character to the next space) that is a link, an address, a mention or a domain. */
  private static boolean linkLike(String text, int start) {
    int end = start;
    while (end < text.length() && !Character.isWhitespace(text.charAt(end))) end++;
    String token = text.substring(start, end);
    if (token.startsWith("@") || token.contains("://") || token.regionMatches(true, 0, "www.", 0, 4) || token.contains("@")) {
      return true;
    }
    int dot = token.lastIndexOf('.', token.length() - 3); // "somesite.com", "site.co.uk/page" (not "end.")
    return dot > 0 && asciiLetter(token.charAt(dot - 1)) && asciiLetter(token.charAt(dot + 1)) && asciiLetter(token.charAt(dot + 2));
  }

  private static boolean asciiLetter(char c) {
    return (char) ((c | 0x20) - 'a') < 26;
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019';
  }
}
