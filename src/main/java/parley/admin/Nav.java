package parley.admin;

import java.util.List;
import java.util.Map;

/**
 * The dashboard's header: the signed-in account, its sites, the current queue and the queue counts. {@code accountId}
 * lets the page tell its own claims (a card opened on the page before) from other moderators'.
 */
public record Nav(String site, List<String> sites, String active, Map<String, Integer> counts, String user,
    long accountId, boolean admin, String csrf) {

  public int count(String queue) {
    return counts.getOrDefault(queue, 0);
  }
}
