package parley.moderation;

import java.util.ArrayList;
import java.util.List;

/**
 * Who wrote a comment, as well as Parley can tell: an account, else the browser's id, else the IP (both hashed).
 * Bans and rate limits apply to every key; history and trust follow the strongest one.
 */
public record AuthorRef(Long accountId, String clientHash, String ipHash) {

  /** The strongest identity, e.g. {@code account:12} or {@code client:ab12...}. */
  public String key() {
    if (accountId != null) return "account:" + accountId;
    if (clientHash != null) return "client:" + clientHash;
    return ipHash == null ? "unknown" : "ip:" + ipHash;
  }

  /** Every identity a ban or limit may be keyed on. */
  public List<String> keys() {
    List<String> keys = new ArrayList<>(3);
    if (accountId != null) keys.add("account:" + accountId);
    if (clientHash != null) keys.add("client:" + clientHash);
    if (ipHash != null) keys.add("ip:" + ipHash);
    return keys;
  }

  /** SQL condition on the comments table (alias {@code c}) selecting this author's comments. */
  String where() {
    if (accountId != null) return "c.author_account_id = :acc";
    if (clientHash != null) return "c.client_hash = :client";
    return ipHash == null ? "1 = 0" : "c.ip_hash = :ip";
  }
}
