package parley.moderation;

import java.util.Locale;
import java.util.Set;

/**
 * What a ban covers, as the moderator chooses: the author's account, browser id, address (hashed) or email (hashed).
 * Each is the prefix of a key in the bans table. An address may be shared by an office, so it is a choice too.
 */
public enum BanScope {
  ACCOUNT("account:"), CLIENT("client:"), ADDRESS("ip:"), EMAIL("email:");

  /** What a ban covers when the moderator does not say: every identity but the (self-declared) email. */
  public static final Set<BanScope> DEFAULT = Set.of(ACCOUNT, CLIENT, ADDRESS);

  private final String prefix;

  BanScope(String prefix) {
    this.prefix = prefix;
  }

  public String key(String value) {
    return prefix + value;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** What a stored key covers: its scope's label, or "imported" for an imported author's name or username key. */
  public static String describe(String key) {
    for (BanScope s : values()) if (key.startsWith(s.prefix)) return s.label();
    return "imported";
  }

  /** {@code account}, {@code client}, {@code address} or {@code email}; null when unknown. */
  public static BanScope parse(String label) {
    for (BanScope s : values()) if (s.label().equals(label)) return s;
    return null;
  }
}
