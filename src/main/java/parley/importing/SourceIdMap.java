package parley.importing;

import java.util.HashMap;
import java.util.Map;

/**
 * Source post id → where that post went: row id, thread, root and depth, so a reply finds its parent without a query.
 * Numeric ids (Disqus, WordPress, Parley) live in open-addressing primitive arrays: 32 bytes a slot, at most 75 % full,
 * so 43–85 bytes per post (about 64 MB for a million posts). Other ids fall back to a HashMap. Not thread-safe:
 * owned by the import's writer thread.
 */
final class SourceIdMap {
  /** Where one post is stored. {@code root} is 0 for a top-level post. */
  record Entry(long id, long threadId, long root, int depth) {}

  private long[] keys;
  private long[] ids;
  private long[] threads;
  private long[] rootDepth; // root << 8 | min(depth, 255); root may be a held row's negative stand-in id
  private int size;
  private final Map<String, Entry> other = new HashMap<>();

  SourceIdMap() {
    allocate(1 << 12);
  }

  int size() {
    return size + other.size();
  }

  Entry get(String sourceId) {
    long key = numericKey(sourceId);
    if (key < 0) return other.get(sourceId);
    int slot = find(key);
    if (keys[slot] == 0) return null;
    return new Entry(ids[slot], threads[slot], rootDepth[slot] >> 8, (int) (rootDepth[slot] & 0xFF));
  }

  void put(String sourceId, Entry e) {
    long key = numericKey(sourceId);
    if (key < 0) {
      other.put(sourceId, e);
      return;
    }
    if ((size + 1) * 4L > keys.length * 3L) grow();
    int slot = find(key);
    if (keys[slot] == 0) {
      keys[slot] = key;
      size++;
    }
    ids[slot] = e.id();
    threads[slot] = e.threadId();
    rootDepth[slot] = e.root() << 8 | Math.min(e.depth(), 255);
  }

  /** Calls {@code visitor} for every post in the map, in no particular order. */
  void forEach(java.util.function.Consumer<Entry> visitor) {
    for (int s = 0; s < keys.length; s++) {
      if (keys[s] != 0) visitor.accept(new Entry(ids[s], threads[s], rootDepth[s] >> 8, (int) (rootDepth[s] & 0xFF)));
    }
    other.values().forEach(visitor);
  }

  /** Key + 1 for canonical decimal ids below 10^18 (0 marks an empty slot), or -1. */
  private static long numericKey(String id) {
    int n = id.length();
    if (n == 0 || n > 18 || (n > 1 && id.charAt(0) == '0')) return -1;
    long v = 0;
    for (int i = 0; i < n; i++) {
      char c = id.charAt(i);
      if (c < '0' || c > '9') return -1;
      v = v * 10 + (c - '0');
    }
    return v + 1;
  }

  private int find(long key) {
    int mask = keys.length - 1;
    int slot = (int) (mix(key) & mask);
    while (keys[slot] != 0 && keys[slot] != key) slot = (slot + 1) & mask;
    return slot;
  }

  private static long mix(long x) {
    x ^= x >>> 33;
    x *= 0xff51afd7ed558ccdL;
    return x ^ (x >>> 33);
  }

  private void grow() {
    long[] k = keys, i = ids, t = threads, r = rootDepth;
    allocate(keys.length * 2);
    for (int s = 0; s < k.length; s++) {
      if (k[s] == 0) continue;
      int slot = find(k[s]);
      keys[slot] = k[s];
      ids[slot] = i[s];
      threads[slot] = t[s];
      rootDepth[slot] = r[s];
    }
  }

  private void allocate(int capacity) {
    keys = new long[capacity];
    ids = new long[capacity];
    threads = new long[capacity];
    rootDepth = new long[capacity];
  }
}
