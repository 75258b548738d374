package parley.auth;

import parley.kit.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import parley.auth.AccountStore.NewAccount;
import parley.kit.ApiException;
import parley.kit.ErrorCode;

/** Accounts, password sign-in with brute-force throttling, and sessions. Thread-safe. */
public final class AuthService {
  public static final Duration SESSION_TTL = Duration.ofDays(14);
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private final AccountStore accounts;
  private final SessionStore sessions;
  private final LoginThrottle throttle;

  public AuthService(AccountStore accounts, SessionStore sessions, LoginThrottle throttle) {
    this.accounts = accounts;
    this.sessions = sessions;
    this.throttle = throttle;
  }

  /** A new session: the cookie token and the CSRF token that state-changing requests must echo. */
  public record SignedIn(Account account, String sessionToken, String csrfToken) {}

  public SignedIn login(String email, String password, String ip) {
    return startSession(authenticate(email, password, ip));
  }

  // The throttle is checked before the password so a locked-out guesser learns nothing, even with the right one.
  /** The local account with this email and password; throttled per account and address like the dashboard's. */
  public Account authenticate(String email, String password, String ip) {
    String mail = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    long wait = throttle.waitSeconds(mail, ip);
    if (wait > 0) {
      throw new ApiException(ErrorCode.LOGIN_THROTTLED,
          "Too many failed sign-in attempts. Try again in " + Math.max(1, wait / 60) + " minute(s).");
    }
    Account account = accounts.findLocal(mail).orElse(null);
    if (!Passwords.verify(password, account == null ? null : account.passwordHash())) {
      throttle.failed(mail, ip);
      throw new ApiException(ErrorCode.LOGIN_FAILED);
    }
    throttle.succeeded(mail, ip);
    return account;
  }

  public SignedIn startSession(Account account) {
    String csrf = Tokens.newToken();
    return new SignedIn(account, sessions.create(account.id(), csrf, SESSION_TTL), csrf);
  }

  /** A reader's session in the widget: no CSRF token (nothing sends it ambiently) and never staff roles. */
  public String startWidgetSession(Account account) {
    return sessions.create(account.id(), Tokens.newToken(), SESSION_TTL, SessionStore.Kind.WIDGET);
  }

  public void endAllSessions(long accountId) {
    sessions.deleteAll(accountId);
  }

  public void logout(String sessionToken) {
    sessions.delete(sessionToken);
  }

  /** The account behind a session cookie, with its roles, if the session is live. */
  public Optional<Principal> principal(String sessionToken) {
    return sessions.find(sessionToken).filter(s -> s.kind() == SessionStore.Kind.COOKIE)
        .flatMap(s -> accounts.find(s.accountId()).map(a -> new Principal(a, accounts.roles(a.id()), s.csrfToken())));
  }

  /** The reader behind a widget session token, without roles: a token kept in a web page cannot moderate. */
  public Optional<Principal> widgetPrincipal(String sessionToken) {
    return sessions.find(sessionToken).filter(s -> s.kind() == SessionStore.Kind.WIDGET)
        .flatMap(s -> accounts.find(s.accountId()).map(a -> new Principal(a, java.util.Map.of(), null)));
  }

  /** A reader's own account. */
  public Account register(String email, String password, String displayName) {
    String mail = validEmail(email);
    validPassword(password);
    String name = displayName == null || displayName.isBlank() ? mail.substring(0, mail.indexOf('@')) : displayName.strip();
    if (name.length() > 80) throw new ApiException(ErrorCode.VALIDATION_FAILED, "'name' is longer than 80 characters.");
    if (accounts.findLocal(mail).isPresent()) throw new ApiException(ErrorCode.ACCOUNT_EXISTS);
    return accounts.create(new NewAccount(mail, name, Passwords.hash(password), null, null));
  }

  /** Creates the account if needed (or resets its password) and gives it a role on a site; for the CLI. */
  public Account createStaff(String email, String password, String siteId, Role role) {
    String mail = validEmail(email);
    validPassword(password);
    Account account = accounts.findLocal(mail).orElse(null);
    if (account == null) {
      account = accounts.create(new NewAccount(mail, mail.substring(0, mail.indexOf('@')), Passwords.hash(password),
          null, null));
    } else {
      accounts.setPassword(account.id(), Passwords.hash(password));
    }
    accounts.grant(account.id(), siteId, role);
    return account;
  }

  /** What a reader sees and sets about themselves. */
  public Optional<Profile> profile(long accountId) {
    return accounts.profile(accountId);
  }

  public void changeProfile(long accountId, Profile.Change change) {
    accounts.changeProfile(accountId, change);
  }

  /** A local account by its email, for an admin granting it a role. */
  public Optional<Account> findLocal(String email) {
    return accounts.findLocal(email);
  }

  public Map<String, Role> roles(long accountId) {
    return accounts.roles(accountId);
  }

  /** The site's moderators and admins. */
  public List<AccountStore.Member> members(String siteId) {
    return accounts.members(siteId);
  }

  public void grant(long accountId, String siteId, Role role) {
    accounts.grant(accountId, siteId, role);
  }

  public void revoke(long accountId, String siteId) {
    accounts.revoke(accountId, siteId);
  }

  public AccountStore accounts() {
    return accounts;
  }

  static String validEmail(String email) {
    String mail = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    if (mail.length() > 254 || !EMAIL.matcher(mail).matches()) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "'email' is not an address.");
    }
    return mail;
  }

  public static void validPassword(String password) {
    if (password == null || password.length() < Passwords.MIN_LENGTH) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED,
          "The password needs at least " + Passwords.MIN_LENGTH + " characters.");
    }
    if (password.length() > 1024) throw new ApiException(ErrorCode.VALIDATION_FAILED, "The password is too long.");
  }
}
