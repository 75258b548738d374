package parley.crawl;

import java.time.Instant;
import java.util.List;
import parley.comment.CommentService.ThreadPage;
import parley.comment.CommentView;

/**
 * A thread page as plain semantic HTML with schema.org {@code Comment} microdata: a fragment a publisher can include
 * server-side or link from {@code <noscript>}, readable by crawlers and browsers without JavaScript. Replies are nested
 * lists. Names and titles are escaped here; bodies are already sanitized HTML (see {@code BodyRenderer}). Stateless.
 */
final class ThreadHtml {
  private ThreadHtml() {}

  /** {@code nextUrl}: where the following page of top-level comments is, or null on the last page. */
  static String render(ThreadPage page, String nextUrl) {
    StringBuilder out = new StringBuilder(4096);
    out.append("<section class=\"parley-thread\">\n");
    if (page.thread() != null && page.thread().title() != null) {
      out.append("<h2>Comments on ").append(escape(page.thread().title())).append("</h2>\n");
    } else {
      out.append("<h2>Comments</h2>\n");
    }
    if (page.comments().isEmpty()) {
      out.append("<p>No comments yet.</p>\n");
    } else {
      list(out, page.comments(), false);
    }
    if (nextUrl != null) out.append("<p><a rel=\"next\" href=\"").append(escape(nextUrl)).append("\">More comments</a></p>\n");
    return out.append("</section>\n").toString();
  }

  private static void list(StringBuilder out, List<CommentView> comments, boolean replies) {
    out.append(replies ? "<ol class=\"parley-replies\">\n" : "<ol class=\"parley-comments\">\n");
    for (CommentView c : comments) item(out, c, replies);
    out.append("</ol>\n");
  }

  private static void item(StringBuilder out, CommentView c, boolean reply) {
    // a deleted comment stays as a placeholder so its replies keep their place, but it is no Comment any more
    if (!"published".equals(c.state())) {
      out.append("<li class=\"parley-deleted\"><p>[deleted]</p>\n");
      if (!c.replies().isEmpty()) list(out, c.replies(), true);
      out.append("</li>\n");
      return;
    }
    out.append("<li id=\"parley-comment-").append(c.id()).append("\"")
        .append(reply ? " itemprop=\"comment\"" : "")
        .append(" itemscope itemtype=\"https://schema.org/Comment\">\n<article>\n")
        .append("<header><span itemprop=\"author\" itemscope itemtype=\"https://schema.org/Person\">")
        .append("<span itemprop=\"name\">").append(escape(c.author())).append("</span></span> ")
        .append(time("dateCreated", c.createdAt()));
    if (c.editedAt() != null) out.append(" (edited ").append(time("dateModified", c.editedAt())).append(")");
    out.append("</header>\n<div itemprop=\"text\">").append(c.html()).append("</div>\n</article>\n");
    if (!c.replies().isEmpty()) list(out, c.replies(), true);
    out.append("</li>\n");
  }

  private static String time(String prop, Instant at) {
    String iso = at.toString();
    return "<time itemprop=\"" + prop + "\" datetime=\"" + iso + "\">" + iso.substring(0, 10) + "</time>";
  }

  static String escape(String text) {
    if (text == null) return "";
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      switch (ch) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }
}
