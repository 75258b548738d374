package parley.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import parley.classify.Category;
import parley.kit.ApiException;
import parley.kit.Json;
import parley.moderation.Policy.Threshold;

/** Policies are stored and sent as JSON: thresholds keep lowercase category keys while Java sees {@link Category}. */
class PolicyJsonTest {
  @Test
  void thresholdsAreWrittenWithLowercaseKeysInCategoryOrder() throws Exception {
    JsonNode json = Json.MAPPER.valueToTree(Policy.defaults());
    List<String> keys = new java.util.ArrayList<>();
    json.path("thresholds").fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("toxic", "hate", "insult", "threat", "obscene", "spam");
    assertThat(json.path("thresholds").path("spam").path("hold").asDouble())
        .isEqualTo(Policy.defaults().thresholds().get(Category.SPAM).hold());
  }

  @Test
  void aStoredPolicyRoundTrips() throws Exception {
    // trust is written out in full, so compare with it set (a null trust reads back as the defaults)
    Policy p = Policy.permissive().withTrust(TrustPolicy.defaults())
        .withThresholds(java.util.Map.of(Category.THREAT, new Threshold(0.4, 0.8)));
    String json = Json.MAPPER.writeValueAsString(p);
    assertThat(json).contains("\"thresholds\":{\"threat\":{\"hold\":0.4,\"reject\":0.8}}");
    assertThat(PolicyStore.parse(json)).isEqualTo(p);
  }

  @Test
  void keysAreReadInAnyCaseIntoCategoryOrder() throws Exception {
    Policy p = Json.MAPPER.readValue("{\"mode\":\"POST_MODERATE\","
        + "\"thresholds\":{\"SPAM\":{\"hold\":0.5,\"reject\":0.9},"
        + "\"Toxic\":{\"hold\":0.6,\"reject\":0.95}}}", Policy.class);
    assertThat(p.thresholds().keySet()).containsExactly(Category.TOXIC, Category.SPAM);
    assertThat(p.thresholds().get(Category.SPAM)).isEqualTo(new Threshold(0.5, 0.9));
    assertThatThrownBy(() -> p.thresholds().put(Category.HATE, new Threshold(0, 1)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void anUnknownCategoryIsNamed() {
    assertThatThrownBy(() -> Policy.category("sarcasm")).isInstanceOf(ApiException.class)
        .hasMessage("Unknown category 'sarcasm'.");
    assertThat(Policy.category("Hate")).isEqualTo(Category.HATE);
  }
}
