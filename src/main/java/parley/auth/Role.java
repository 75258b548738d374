package parley.auth;

import java.util.Locale;

/** What an account may do on one site. An admin can do everything a moderator can. */
public enum Role {
  MODERATOR, ADMIN;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role fromKey(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }

  public boolean includes(Role other) {
    return this == ADMIN || this == other;
  }
}
