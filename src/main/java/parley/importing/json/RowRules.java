package parley.importing.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import parley.comment.BodyRenderer;
import parley.importing.HtmlBody;
import parley.importing.ImportLimits;
import parley.importing.Location;
import parley.importing.SafeUrl;

/**
 * The rules of live input applied to restored rows, since an export file can be edited by anyone who holds it:
 * {@code body_html} passes the comment allow-list, an over-long body is cut to {@code max.comment.chars} and
 * rendered again from its markdown, a thread link that is not http(s) is dropped. Each repair is a warning.
 */
final class RowRules {
  private static final int KEPT = 20;
  private final ImportLimits limits;
  private final List<String> warnings = new ArrayList<>();
  private long warningCount;

  RowRules(ImportLimits limits) {
    this.limits = limits;
  }

  void apply(String section, ObjectNode row, Location at, String record) {
    switch (section) {
      case "comments" -> comment(row, at, record);
      case "threads" -> thread(row, at, record);
      default -> { }
    }
  }

  private void comment(ObjectNode row, Location at, String record) {
    String markdown = text(row.get("body_markdown"));
    if (limits.tooLong(markdown)) {
      warn(at, record, "body has " + markdown.length() + " characters, over max.comment.chars ("
          + limits.maxCommentChars() + "): cut to the limit");
      String cut = ImportLimits.cut(markdown, limits.maxCommentChars());
      row.put("body_markdown", cut);
      row.put("body_html", BodyRenderer.render(cut));
      return;
    }
    String html = text(row.get("body_html"));
    if (html != null) row.put("body_html", HtmlBody.sanitizeStored(html));
  }

  private void thread(ObjectNode row, Location at, String record) {
    String url = text(row.get("url"));
    if (url != null && SafeUrl.httpOrNull(url) == null) {
      warn(at, record, "link is not an http(s) URL: dropped");
      row.putNull("url");
    }
    String title = text(row.get("title"));
    if (title != null && title.length() > ImportLimits.MAX_TITLE) row.put("title", ImportLimits.cut(title, ImportLimits.MAX_TITLE));
  }

  private void warn(Location at, String record, String problem) {
    warningCount++;
    if (warnings.size() < KEPT) warnings.add((at == null ? "" : at + ": ") + record + ": " + problem);
  }

  List<String> warnings() {
    return List.copyOf(warnings);
  }

  long warningCount() {
    return warningCount;
  }

  private static String text(JsonNode v) {
    return v == null || v.isNull() ? null : v.asText();
  }
}
