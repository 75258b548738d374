package parley.account;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import parley.auth.AccountStore;
import parley.comment.AccountComments;
import parley.moderation.BanStore;
import parley.moderation.queue.AuditStore;
import parley.notify.NotifyService;
import parley.store.Database;

/**
 * A reader's own data across features, by account id: their comment history, the GDPR export, and erasure. A GDPR
 * request must reach every row about the person in one transaction, so each feature's part runs on this one handle,
 * through the feature's own store. Thread-safe.
 */
final class AccountData {
  private final Database db;
  private final Clock clock;

  AccountData(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** The reader's comments, newest first, before comment id {@code before} (null = from the newest). */
  List<AccountComments.Item> history(long accountId, Long before, int limit) {
    return db.read(h -> AccountComments.history(h, accountId, before, limit));
  }

  /** Every comment (with its markdown) and vote the account made, for the export. */
  Map<String, Object> export(long accountId) {
    return db.read(h -> AccountComments.export(h, accountId));
  }

  /**
   * Erases the account. Its comments stay as "[deleted]" placeholders (see {@link AccountComments#erase}); votes stay
   * counted but lose the account, as do the bans and audit entries it made; sessions, roles, reset tokens and reply
   * subscriptions to the email go.
   */
  int erase(long accountId, String email) {
    long now = clock.millis();
    return db.write(h -> {
      int comments = AccountComments.erase(h, accountId, now);
      BanStore.forgetCreator(h, accountId);
      AuditStore.forgetActor(h, accountId);
      PasswordResets.forget(h, accountId);
      if (email != null) NotifyService.forget(h, email);
      AccountStore.delete(h, accountId);
      return comments;
    });
  }
}
