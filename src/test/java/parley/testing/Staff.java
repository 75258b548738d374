package parley.testing;

import parley.App;
import parley.auth.AccountStore;
import parley.auth.AuthService;
import parley.auth.LoginThrottle;
import parley.auth.Role;
import parley.auth.SessionStore;

/** Creates dashboard accounts straight in a test server's database, as {@code parley admin create} does. */
public final class Staff {
  public static final String PASSWORD = "correct horse battery";

  private Staff() {}

  public static AuthService auth(App app) {
    return new AuthService(new AccountStore(app.database(), java.time.Clock.systemUTC()), new SessionStore(app.database(), java.time.Clock.systemUTC()), new LoginThrottle(java.time.Clock.systemUTC()));
  }

  public static void create(App app, String email, String site, Role role) {
    auth(app).createStaff(email, PASSWORD, site, role);
  }

  public static void reader(App app, String email) {
    auth(app).register(email, PASSWORD, "Reader " + email);
  }
}
