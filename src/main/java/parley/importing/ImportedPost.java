package parley.importing;

import parley.comment.CommentState;

/**
 * One comment as read from an export file, before its body is converted and its thread and parent are resolved.
 *
 * @param parentSourceId the source id of the post it replies to, or null for a top-level post
 * @param body the message as the source stores it, in {@code format}
 * @param createdAt epoch millis
 * @param upvotes likes counted by the source (no voters are known), stored when the comment is first imported
 */
public record ImportedPost(
    String sourceId, String threadSourceId, String parentSourceId, String authorName, String authorEmail,
    String authorUsername, long createdAt, String body, BodyFormat format, CommentState state, Location at,
    int upvotes, int downvotes) {

  /** A post whose source keeps no votes. */
  public ImportedPost(String sourceId, String threadSourceId, String parentSourceId, String authorName,
      String authorEmail, String authorUsername, long createdAt, String body, BodyFormat format, CommentState state,
      Location at) {
    this(sourceId, threadSourceId, parentSourceId, authorName, authorEmail, authorUsername, createdAt, body, format,
        state, at, 0, 0);
  }

  /** How the source wrote its messages. */
  public enum BodyFormat {
    /** HTML (Disqus). */
    HTML,
    /** Text with inline HTML whose blank lines are paragraphs (WordPress). */
    AUTO_PARAGRAPHS,
    /** Markdown, rendered as live comments are (Commento, Comentario, Isso); raw HTML in it is shown as text. */
    MARKDOWN;

    HtmlBody.Converted convert(String body) {
      return switch (this) {
        case HTML -> HtmlBody.fromHtml(body);
        case AUTO_PARAGRAPHS -> HtmlBody.fromAutoParagraphs(body);
        case MARKDOWN -> {
          String markdown = HtmlBody.clean(body).strip();
          yield new HtmlBody.Converted(markdown, parley.comment.BodyRenderer.render(markdown));
        }
      };
    }
  }
}
