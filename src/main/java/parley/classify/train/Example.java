package parley.classify.train;

import java.util.Map;
import parley.classify.Category;

/**
 * One labelled comment from a normalized dataset. {@code labels} holds only the keys the source annotates (a missing
 * key means unknown, never 0); {@code rawLabels} keeps source keys that are not categories (e.g. {@code offensive}).
 */
public record Example(String dataset, String id, String text, Split split, Map<Category, Integer> labels,
    Map<String, Integer> rawLabels) {

  public boolean has(Category c) {
    return labels.containsKey(c);
  }

  public int label(Category c) {
    return labels.get(c);
  }
}
