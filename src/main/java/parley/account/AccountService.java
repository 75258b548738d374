package parley.account;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import parley.auth.Account;
import parley.auth.AuthService;
import parley.auth.Passwords;
import parley.auth.Profile;
import parley.comment.TextInput;
import parley.i18n.Lang;
import parley.kit.ApiException;
import parley.kit.ErrorCode;
import parley.notify.NotifyService;
import parley.site.Origins;

/**
 * Readers' own accounts in the widget: sign-up, sign-in and sign-out with widget sessions, profile, history, the GDPR
 * export and deletion, and password reset by email. Password checks and their throttle are the auth feature's.
 * Thread-safe.
 */
public final class AccountService {
  static final int MAX_NAME = 80;
  private final AuthService auth;
  private final AccountData data;
  private final PasswordResets resets;
  private final Origins origins;
  private final boolean mailEnabled;
  private final Supplier<String> baseUrl;
  private final NotifyService replies;

  /** {@code replies} starts and ends reply-email subscriptions when a reader changes the setting (mail on only). */
  public AccountService(AuthService auth, parley.store.Database db, parley.mail.Outbox outbox, NotifyService replies,
      Origins origins, boolean mailEnabled, Supplier<String> baseUrl, java.time.Clock clock) {
    this.replies = replies;
    this.auth = auth;
    this.data = new AccountData(db, clock);
    this.resets = new PasswordResets(db, outbox, clock);
    this.origins = origins;
    this.mailEnabled = mailEnabled;
    this.baseUrl = baseUrl;
  }

  /** A widget session: the token the widget keeps and sends in {@code X-Parley-Session}, and who it is. */
  public record Session(String token, Profile profile) {}

  public Session signUp(String email, String password, String name) {
    Account a = auth.register(email, password, name == null || name.isBlank() ? null : validName(name));
    return session(a);
  }

  public Session signIn(String email, String password, String ip) {
    return session(auth.authenticate(email, password, ip));
  }

  public void signOut(String token) {
    auth.logout(token);
  }

  public Profile profile(long accountId) {
    return auth.profile(accountId).orElseThrow(() -> new ApiException(ErrorCode.NOT_SIGNED_IN));
  }

  /**
   * Changes the profile. Turning reply emails on while on {@code siteId} starts that site's double opt-in (the address
   * was never confirmed: someone may have signed up with another person's), in {@code lang}; turning them off ends the
   * subscriptions.
   */
  public Profile update(long accountId, String siteId, String name, Integer hue, boolean clearHue, Boolean notifyReplies,
      Lang lang) {
    if (hue != null && (hue < 0 || hue > 359)) throw new ApiException(ErrorCode.VALIDATION_FAILED, "'hue' is 0 to 359.");
    Profile before = profile(accountId);
    if (notifyReplies != null && notifyReplies != before.notifyReplies() && mailEnabled && siteId != null
        && before.email() != null) {
      if (notifyReplies) replies.subscribe(siteId, null, before.email(), lang);
      else replies.unsubscribeAll(siteId, before.email());
    }
    auth.changeProfile(accountId, new Profile.Change(name == null ? null : validName(name), hue, clearHue, notifyReplies));
    return profile(accountId);
  }

  public List<parley.comment.AccountComments.Item> history(long accountId, Long before, int limit) {
    return data.history(accountId, before, limit);
  }

  public Map<String, Object> export(long accountId) {
    return data.export(accountId);
  }

  /** Erases the account after checking its password again: a token copied from a page cannot erase anyone. */
  public int delete(Account account, String password) {
    if (!Passwords.verify(password, account.passwordHash())) throw new ApiException(ErrorCode.LOGIN_FAILED);
    return data.erase(account.id(), account.email());
  }

  /**
   * Emails a reset link for a local account, pointing at {@code page} (which must be on an origin the site allows).
   * Answers the same whether or not the account exists, so nobody learns who has one. Written in {@code lang} (null:
   * English).
   */
  public void requestReset(String email, String siteId, String page, Lang lang) {
    if (!mailEnabled) throw new ApiException(ErrorCode.NOTIFICATIONS_OFF);
    if (page == null || page.length() > 2000 || !origins.mayLinkTo(page, siteId, baseUrl.get())) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "'url' must be a page on an origin this site allows.");
    }
    if (email == null || email.length() > 254) return;
    auth.accounts().findLocal(email.strip()).filter(a -> a.email() != null)
        .ifPresent(a -> resets.send(a.id(), a.email(), page, lang == null ? Lang.EN : lang));
  }

  /** Sets the new password, ends every other session of the account and signs the reader in. */
  public Session confirmReset(String token, String password) {
    AuthService.validPassword(password);
    if (token == null || token.length() > 200) throw new ApiException(ErrorCode.RESET_TOKEN_INVALID);
    long id = resets.redeem(token.strip()).orElseThrow(() -> new ApiException(ErrorCode.RESET_TOKEN_INVALID));
    auth.accounts().setPassword(id, Passwords.hash(password));
    auth.endAllSessions(id);
    return session(auth.accounts().find(id).orElseThrow(() -> new ApiException(ErrorCode.RESET_TOKEN_INVALID)));
  }

  private Session session(Account a) {
    return new Session(auth.startWidgetSession(a), profile(a.id()));
  }

  static String validName(String raw) {
    String name = TextInput.line(raw);
    if (name == null || name.isEmpty()) throw new ApiException(ErrorCode.VALIDATION_FAILED, "'name' is empty.");
    if (name.length() > MAX_NAME) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "'name' is longer than " + MAX_NAME + " characters.");
    }
    // the same rule as comment authors: a blank-looking name or a direction override passes for someone else
    if (TextInput.invisible(name) || TextInput.hasBidiControl(name)) throw new ApiException(ErrorCode.AUTHOR_NAME_INVALID);
    return name;
  }
}
