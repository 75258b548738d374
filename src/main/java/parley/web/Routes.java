package parley.web;

import io.javalin.config.RoutesConfig;
import parley.analysis.AnalysisHandlers;
import parley.comment.CommentHandlers;

/** The whole HTTP API on one screen, grouped by who may call it. */
public final class Routes {
  private Routes() {}

  public static void register(RoutesConfig r, Cors cors, CommentHandlers comments, AnalysisHandlers analysis) {
    r.before("/api/*", cors::before);

    // public: readers, anonymous or not
    r.get("/api/v1/threads", comments::thread);
    r.get("/api/v1/threads/{id}", comments::threadById);
    r.get("/api/v1/counts", comments::counts);
    r.post("/api/v1/comments", comments::post);
    r.patch("/api/v1/comments/{id}", comments::edit);
    r.delete("/api/v1/comments/{id}", comments::delete);
    r.post("/api/v1/comments/{id}/vote", comments::vote);

    analysis(r, analysis);
  }

  /** API-key holders (Coral Talk, Perspective clients): Perspective's protocol and Google's error shape. */
  public static void analysis(RoutesConfig r, AnalysisHandlers analysis) {
    r.before("/v1alpha1/*", analysis::cors);
    r.post("/v1alpha1/comments:analyze", analysis::analyze);
    r.post("/v1alpha1/comments:suggestscore", analysis::suggestScore);
    r.get("/v1alpha1/*", analysis::notFound);
    r.post("/v1alpha1/*", analysis::notFound);
    r.options("/v1alpha1/*", analysis::notFound); // reached only without an Origin header
  }
}
