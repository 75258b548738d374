package parley.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.statement.SqlStatement;
import parley.kit.Tokens;

/**
 * Who wrote a comment, as well as Parley can tell: an account, else the browser's id, else the IP (both hashed),
 * else what an import file said about the author ({@link Source}). Bans and rate limits apply to every key; history
 * and trust follow the strongest one.
 */
public record AuthorRef(Long accountId, String clientHash, String ipHash, Source source) {
  private static final java.util.regex.Pattern IMPORTED_KEY =
      java.util.regex.Pattern.compile("(email|user|name):[0-9a-f]{64}");

  public AuthorRef(Long accountId, String clientHash, String ipHash) {
    this(accountId, clientHash, ipHash, null);
  }

  /**
   * The author as a Disqus or WordPress export names them: email, else username, else display name. Comments from
   * before Parley have nothing else, so this is their identity; it is used only when the comment has no account,
   * browser id or IP.
   */
  public record Source(String email, String username, String name) {
    public Source {
      email = blankToNull(email) == null ? null : email.strip().toLowerCase(Locale.ROOT);
      username = blankToNull(username);
      name = blankToNull(name);
    }

    /** {@code email:}, {@code user:} or {@code name:} and the hash of the identity; null when the source named none. */
    public String key() {
      if (email != null) return "email:" + Tokens.sha256(email);
      if (username != null) return "user:" + Tokens.sha256(username);
      return name == null ? null : "name:" + Tokens.sha256(name);
    }

    String where() {
      String noLiveIdentity = "c.author_account_id IS NULL AND c.client_hash IS NULL AND c.ip_hash IS NULL AND ";
      if (email != null) return noLiveIdentity + "LOWER(c.author_email) = :email";
      if (username != null) return noLiveIdentity + "c.author_email IS NULL AND c.author_username = :username";
      if (name != null) {
        return noLiveIdentity + "c.author_email IS NULL AND c.author_username IS NULL AND c.author_name = :name";
      }
      return "1 = 0";
    }

    private static String blankToNull(String s) {
      return s == null || s.isBlank() ? null : s;
    }
  }

  /** The strongest identity, e.g. {@code account:12}, {@code client:ab12...} or {@code email:cd34...}. */
  public String key() {
    if (accountId != null) return "account:" + accountId;
    if (clientHash != null) return "client:" + clientHash;
    if (ipHash != null) return "ip:" + ipHash;
    String imported = source == null ? null : source.key();
    return imported == null ? "unknown" : imported;
  }

  /**
   * The author a {@link #key()} names, for links such as the dashboard's user page. Only live identities come back: an
   * imported author's key is a hash of their email or name, which the comments table cannot be searched by
   * ({@code parley.moderation.queue.ImportedAuthors} finds them).
   */
  public static java.util.Optional<AuthorRef> fromKey(String key) {
    int colon = key == null ? -1 : key.indexOf(':');
    if (colon < 1 || colon == key.length() - 1) return java.util.Optional.empty();
    String value = key.substring(colon + 1);
    return switch (key.substring(0, colon)) {
      case "account" -> value.matches("[0-9]{1,18}")
          ? java.util.Optional.of(new AuthorRef(Long.parseLong(value), null, null)) : java.util.Optional.empty();
      case "client" -> java.util.Optional.of(new AuthorRef(null, value, null));
      case "ip" -> java.util.Optional.of(new AuthorRef(null, null, value));
      default -> java.util.Optional.empty();
    };
  }

  /** Whether the key names an imported author, as {@link Source#key()} builds it. */
  public static boolean isImported(String key) {
    return key != null && IMPORTED_KEY.matcher(key).matches();
  }

  /** Every identity a ban or limit may be keyed on. */
  public List<String> keys() {
    List<String> keys = new ArrayList<>(3);
    if (accountId != null) keys.add("account:" + accountId);
    if (clientHash != null) keys.add("client:" + clientHash);
    if (ipHash != null) keys.add("ip:" + ipHash);
    if (keys.isEmpty() && source != null && source.key() != null) keys.add(source.key());
    return keys;
  }

  /** SQL condition on the comments table (alias {@code c}) selecting this author's comments; see {@link #bind}. */
  public String where() {
    if (accountId != null) return "c.author_account_id = :acc";
    if (clientHash != null) return "c.client_hash = :client";
    if (ipHash != null) return "c.ip_hash = :ip";
    return source == null ? "1 = 0" : source.where();
  }

  /** Binds the parameters {@link #where()} refers to. */
  public <T extends SqlStatement<T>> T bind(T statement) {
    Source s = source == null ? new Source(null, null, null) : source;
    return statement.bind("acc", accountId).bind("client", clientHash).bind("ip", ipHash)
        .bind("email", s.email()).bind("username", s.username()).bind("name", s.name());
  }
}
