package parley.classify.train;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import parley.classify.SentenceEncoder;

/**
 * Sentence embeddings of training texts kept between training runs ({@code parley train --cache DIR}): the encoder is
 * fixed, so a text's embedding never changes, and embedding ~100k texts is most of a training run on two cores.
 * Keyed by a 64-bit hash of the clipped text. Never stored in the repository.
 */
final class EmbeddingCache {
  private final Path file;
  private final Map<Long, float[]> map = new HashMap<>();
  private boolean dirty;

  EmbeddingCache(Path dir) throws IOException {
    this.file = dir == null ? null : dir.resolve("minilm-l6-v2-q.embeddings");
    if (file != null && Files.isRegularFile(file)) {
      try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
          long key = in.readLong();
          float[] v = new float[SentenceEncoder.DIM];
          for (int k = 0; k < v.length; k++) v[k] = in.readFloat();
          map.put(key, v);
        }
      }
    }
  }

  float[][] encodeAll(SentenceEncoder encoder, List<String> texts) {
    float[][] out = new float[texts.size()][];
    List<Integer> missing = new ArrayList<>();
    for (int i = 0; i < out.length; i++) {
      out[i] = map.get(key(texts.get(i)));
      if (out[i] == null) missing.add(i);
    }
    if (!missing.isEmpty()) {
      float[][] fresh = encoder.encodeAll(missing.stream().map(texts::get).toList());
      for (int k = 0; k < fresh.length; k++) {
        out[missing.get(k)] = fresh[k];
        if (file != null) map.put(key(texts.get(missing.get(k))), fresh[k]);
      }
      dirty = file != null;
    }
    return out;
  }

  void save() throws IOException {
    if (!dirty) return;
    Files.createDirectories(file.getParent());
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
      out.writeInt(map.size());
      for (var e : map.entrySet()) {
        out.writeLong(e.getKey());
        for (float f : e.getValue()) out.writeFloat(f);
      }
    }
  }

  private static long key(String text) {
    byte[] b = SentenceEncoder.clip(text).getBytes(StandardCharsets.UTF_8);
    long h = 0xcbf29ce484222325L;
    for (byte x : b) h = (h ^ (x & 0xFF)) * 0x100000001b3L;
    return h ^ b.length;
  }
}
