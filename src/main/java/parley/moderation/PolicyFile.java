package parley.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import parley.classify.Category;
import parley.kit.ApiException;
import parley.kit.Json;

/**
 * A policy file for {@code parley classify --site-policy} and {@code parley moderate --policy}: either a site policy
 * as the admin API stores it ({@code {"mode": ..., "thresholds": {...}, "bannedWords": [...]}}) or, as before, the
 * thresholds alone ({@code {"toxic": {"hold": 0.6, "reject": 0.95}}}). Whatever it leaves out keeps the default.
 */
public final class PolicyFile {
  private PolicyFile() {}

  public static Policy load(Path file) throws IOException {
    return load(file, Policy.defaults());
  }

  /** As {@link #load(Path)}, over {@code base} (the defaults of the model in use) rather than the shipped defaults. */
  public static Policy load(Path file, Policy base) throws IOException {
    JsonNode root = Json.MAPPER.readTree(Files.readAllBytes(file));
    if (root == null || !root.isObject()) throw new IllegalArgumentException(file + ": expected a JSON object");
    return over(root, base, file);
  }

  static Policy over(JsonNode root, Policy base, Path file) {
    ObjectNode policy = Json.MAPPER.valueToTree(base);
    if (thresholdsOnly(root)) {
      root = Json.MAPPER.createObjectNode().set("thresholds", root);
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (name.equals("thresholds")) {
        policy.set(name, Json.MAPPER.valueToTree(ScoreThresholds.over(root.get(name), base.thresholds())));
      } else {
        policy.set(name, root.get(name));
      }
    }
    try {
      return Json.MAPPER.treeToValue(policy, Policy.class).validated();
    } catch (ApiException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(file + ": not a site policy (" + e.getOriginalMessage() + ")", e);
    }
  }

  private static boolean thresholdsOnly(JsonNode root) {
    if (root.isEmpty()) return false;
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (java.util.Arrays.stream(Category.values()).noneMatch(c -> c.key().equals(name))) return false;
    }
    return true;
  }
}
