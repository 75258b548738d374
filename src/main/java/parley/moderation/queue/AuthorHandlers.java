package parley.moderation.queue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.Map;
import parley.kit.ApiException;
import parley.kit.ErrorCode;
import parley.kit.Json;

/**
 * The moderators' API on authors (users list, one author's page, notes); an author is named by
 * {@link parley.moderation.AuthorRef#key()} as the queue's comments carry it ({@code account:12}, {@code client:…},
 * {@code email:…} for an imported author, with {@code ?c=} one of their comments as a hint: {@link ImportedAuthors}).
 * Every route is wrapped by {@link parley.auth.Guard#moderator}.
 */
public final class AuthorHandlers {
  private final AuthorDirectory directory;
  private final AuthorProfiles profiles;

  public AuthorHandlers(AuthorDirectory directory, AuthorProfiles profiles) {
    this.directory = directory;
    this.profiles = profiles;
  }

  // GET /api/v1/sites/{site}/users?q=&filter=all|suspended|banned → {users}, most recently active first
  public void list(Context ctx) {
    ctx.json(Map.of("users", directory.list(ctx.pathParam("site"), ctx.queryParam("q"), filter(ctx.queryParam("filter")))));
  }

  // GET /api/v1/sites/{site}/users/{author}?c= → {key, name, email, trust, counts, ban, comments, reports, notes, history}
  public void profile(Context ctx) {
    ctx.json(profiles.profile(ctx.pathParam("site"), ctx.pathParam("author"),
        ImportedAuthors.hint(ctx.queryParam("c"))));
  }

  // POST /api/v1/sites/{site}/users/{author}/notes?c= {body} → 201 {note}
  public void addNote(Context ctx) {
    JsonNode body = Json.body(ctx.contentType(), ctx.bodyAsBytes());
    ctx.status(201).json(Map.of("note", profiles.addNote(ctx.pathParam("site"), ctx.pathParam("author"),
        ImportedAuthors.hint(ctx.queryParam("c")), Json.text(body, "body"), QueueHandlers.actor(ctx))));
  }

  /** The users list's filter from a query parameter; absent means everyone. */
  public static AuthorDirectory.Filter filter(String value) {
    if (value == null || value.isBlank()) return AuthorDirectory.Filter.ALL;
    try {
      return AuthorDirectory.Filter.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "'filter' is one of all, suspended, banned.");
    }
  }
}
