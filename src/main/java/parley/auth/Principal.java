package parley.auth;

import java.util.Map;

/** The signed-in account of a request, its roles per site, and its session's CSRF token. */
public record Principal(Account account, Map<String, Role> roles, String csrfToken) {
  public static final String ATTRIBUTE = "parley.principal";

  public boolean can(String siteId, Role needed) {
    Role role = roles.get(siteId);
    return role != null && role.includes(needed);
  }

  public boolean isStaff() {
    return !roles.isEmpty();
  }
}
