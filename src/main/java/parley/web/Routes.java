package parley.web;

import io.javalin.config.RoutesConfig;
import parley.comment.CommentHandlers;

/** The whole HTTP API on one screen, grouped by who may call it. */
public final class Routes {
  private Routes() {}

  public static void register(RoutesConfig r, Cors cors, CommentHandlers comments) {
    r.before("/api/*", cors::before);

    // public: readers, anonymous or not
    r.get("/api/v1/threads", comments::thread);
    r.get("/api/v1/threads/{id}", comments::threadById);
    r.get("/api/v1/counts", comments::counts);
    r.post("/api/v1/comments", comments::post);
    r.patch("/api/v1/comments/{id}", comments::edit);
    r.delete("/api/v1/comments/{id}", comments::delete);
    r.post("/api/v1/comments/{id}/vote", comments::vote);
  }
}
