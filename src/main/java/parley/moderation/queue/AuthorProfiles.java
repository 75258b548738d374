package parley.moderation.queue;

import java.util.List;
import java.util.function.BiFunction;
import parley.kit.ApiException;
import parley.kit.ErrorCode;
import parley.moderation.AuthorRef;
import parley.moderation.AuthorStore;
import parley.moderation.BanStore;
import parley.moderation.Trust;
import parley.moderation.queue.ModeratorActions.Actor;

/**
 * One author on one site, as a moderator sees them on the user page: every comment with its state and reasons, the
 * reports against them, the moderators' notes, the actions taken on them, their ban or suspension and their trust.
 * An author is named by {@link AuthorRef#key()}; reads only, except for adding a note.
 */
public final class AuthorProfiles {
  /** Enough history to judge a regular; the oldest beyond it are one query away in the audit log. */
  static final int LIMIT = 200;

  private final QueueStore queue;
  private final AuthorStore authors;
  private final ReportStore reports;
  private final AuditStore audit;
  private final AuthorNotes notes;
  private final BanStore bans;
  private final BiFunction<String, AuthorRef, Trust> trust;
  private final ImportedAuthors imported;

  public AuthorProfiles(QueueStore queue, AuthorStore authors, ReportStore reports, AuditStore audit, AuthorNotes notes,
      BanStore bans, BiFunction<String, AuthorRef, Trust> trust, ImportedAuthors imported) {
    this.imported = imported;
    this.queue = queue;
    this.authors = authors;
    this.reports = reports;
    this.audit = audit;
    this.notes = notes;
    this.bans = bans;
    this.trust = trust;
  }

  /** {@code ban}: the ban or suspension in force now, or null. */
  public record Profile(String key, String name, String email, Trust trust, AuthorStore.Counts counts,
      BanStore.Ban ban, List<QueueItem> comments, List<ReportStore.Against> reports, List<AuthorNotes.Note> notes,
      List<AuditEntry> history) {}

  public Profile profile(String siteId, String key) {
    return profile(siteId, key, null);
  }

  /** {@code hint}: for an imported author, one of their comments from the link, or null; see {@link ImportedAuthors}. */
  public Profile profile(String siteId, String key, Long hint) {
    AuthorRef author = author(siteId, key, hint);
    List<QueueItem> comments = queue.byAuthor(siteId, author, LIMIT);
    if (comments.isEmpty()) throw new ApiException(ErrorCode.AUTHOR_NOT_FOUND);
    QueueItem latest = comments.getFirst();
    // the latest comment knows every identity (account, browser, address), so its keys find every ban
    return new Profile(key, latest.authorName(), latest.authorEmail(), trust.apply(siteId, author),
        authors.counts(siteId, author), bans.active(siteId, latest.author().keys()).orElse(null), comments,
        reports.againstAuthor(siteId, author, LIMIT), notes.forAuthor(siteId, key),
        audit.onAuthor(siteId, author, LIMIT));
  }

  /** Adds a moderator's note from the user page; the author must have commented on the site. */
  public AuthorNotes.Note addNote(String siteId, String key, String body, Actor actor) {
    return addNote(siteId, key, null, body, actor);
  }

  /** As {@link #addNote(String, String, String, Actor)}, with the link's hint for an imported author. */
  public AuthorNotes.Note addNote(String siteId, String key, Long hint, String body, Actor actor) {
    AuthorRef author = author(siteId, key, hint);
    if (queue.byAuthor(siteId, author, 1).isEmpty()) throw new ApiException(ErrorCode.AUTHOR_NOT_FOUND);
    return notes.addForAuthor(siteId, key, body, actor);
  }

  private AuthorRef author(String siteId, String key, Long hint) {
    return AuthorRef.fromKey(key).or(() -> imported.find(siteId, key, hint))
        .orElseThrow(() -> new ApiException(ErrorCode.AUTHOR_NOT_FOUND));
  }
}
