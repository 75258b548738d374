package parley.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import parley.classify.train.FairnessSet;

/** Identity mentions and counter-speech must not, by themselves, hold a comment. */
class FairnessTest {
  @Test
  void falseHoldRateIsLowForEveryIdentity() {
    Map<String, int[]> byIdentity = new TreeMap<>();
    int held = 0, total = 0;
    for (FairnessSet.Item item : FairnessSet.items()) {
      var d = TestModels.judge(item.text());
      boolean h = !TestModels.published(d);
      int[] v = byIdentity.computeIfAbsent(item.identity(), k -> new int[2]);
      v[0]++;
      if (h) {
        v[1]++;
        held++;
        System.out.println("held: " + item.text() + " " + d.reasons());
      }
      total++;
    }
    byIdentity.forEach((k, v) -> System.out.printf("%-16s %d/%d%n", k, v[1], v[0]));
    assertThat((double) held / total).as("overall false-hold rate").isLessThanOrEqualTo(0.10);
    byIdentity.forEach((k, v) -> {
      if (!k.equals("counter-speech")) assertThat((double) v[1] / v[0]).as("false holds for " + k).isLessThanOrEqualTo(0.35);
    });
  }
}
