package parley.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import parley.comment.ArrivalCheck;
import parley.comment.CommentService.PostRequest;
import parley.moderation.Policy;
import parley.moderation.Policy.Mode;
import parley.store.Dialect;
import parley.testing.KeywordClassifier;
import parley.testing.ModerationServer;
import parley.testing.ModerationServer.As;
import parley.testing.Reply;

/** The thread as HTML with microdata and as Atom feeds: published comments only, everything escaped; both databases. */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrawlableThreadTest {
  private static final String NS = "http://www.w3.org/2005/Atom";
  private static final String HOSTILE_NAME = "<img src=x onerror=alert(1)>\"&'";
  private static final String HOSTILE_BODY = "<script>alert('body')</script> and [x](javascript:alert(2))";

  @Parameter
  Dialect dialect;
  ModerationServer server;

  @BeforeParameterizedClassInvocation
  void start() {
    server = ModerationServer.on(dialect, new KeywordClassifier());
  }

  @AfterParameterizedClassInvocation
  void stop() {
    if (server != null) server.close();
  }

  private long post(String site, String page, Long parent, String author, String body) {
    Reply r = server.send(As.reader("reader-" + author.hashCode()), "POST", "/api/v1/comments",
        "{\"site\":\"" + site + "\",\"page\":\"" + page + "\",\"url\":\"https://news.example/" + page
            + "\",\"title\":\"Story <b>" + page + "</b>\",\"author\":" + ModerationServer.quote(author)
            + (parent == null ? "" : ",\"parentId\":" + parent) + ",\"body\":" + ModerationServer.quote(body) + "}");
    assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
    return r.json().path("comment").path("id").asLong();
  }

  private Reply get(String path) {
    return server.send(As.ANONYMOUS, "GET", path, null);
  }

  @Test
  void htmlHasMicrodataNestedRepliesAndOnlyPublishedComments() {
    long top = post("news", "html", null, "Ada", "First thoughts on the tram.");
    long reply = post("news", "html", top, "Grace", "A reply about the tram.");
    long held = post("news", "html", null, "Mallory", "I will kill you if you show up");

    Reply r = get("/api/v1/threads.html?site=news&page=html");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    String html = r.raw().body();
    assertThat(html).contains("<li id=\"parley-comment-" + top + "\" itemscope itemtype=\"https://schema.org/Comment\">")
        .contains("<li id=\"parley-comment-" + reply + "\" itemprop=\"comment\" itemscope")
        .contains("<span itemprop=\"name\">Ada</span>")
        .contains("<time itemprop=\"dateCreated\" datetime=\"")
        .contains("<div itemprop=\"text\"><p>First thoughts on the tram.</p></div>")
        .contains("Comments on Story &lt;b&gt;html&lt;/b&gt;")
        .doesNotContain("parley-comment-" + held).doesNotContain("kill");
    // the reply's list sits inside its parent's item
    int topAt = html.indexOf("parley-comment-" + top);
    int repliesAt = html.indexOf("<ol class=\"parley-replies\">");
    int replyAt = html.indexOf("parley-comment-" + reply);
    int topEnd = html.indexOf("</li>\n</ol>\n</li>", replyAt);
    assertThat(topAt).isLessThan(repliesAt);
    assertThat(repliesAt).isLessThan(replyAt);
    assertThat(topEnd).isGreaterThan(replyAt);
  }

  @Test
  void hostileNameAndBodyAreEscapedInHtml() {
    long id = post("news", "xss-html", null, HOSTILE_NAME, "Look: <iframe src=x></iframe><script>steal()</script> [y](javascript:steal())");
    String html = get("/api/v1/threads.html?site=news&page=xss-html").raw().body();
    assertThat(html).contains("parley-comment-" + id)
        .contains("&lt;img src=x onerror=alert(1)&gt;&quot;&amp;&#39;")
        .contains("&lt;script&gt;steal()")
        .doesNotContain("<img").doesNotContain("<iframe").doesNotContain("<script").doesNotContain("href=\"javascript");
  }

  @Test
  void unknownThreadRendersAnEmptyListAndBadInputIsA4xx() {
    Reply empty = get("/api/v1/threads.html?site=news&page=never-commented");
    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.raw().body()).contains("No comments yet.");
    assertThat(get("/api/v1/threads.html?site=news").error()).isEqualTo("VALIDATION_FAILED");
    assertThat(get("/api/v1/threads.html?site=nope&page=a").error()).isEqualTo("SITE_NOT_FOUND");
    post("news", "cursor", null, "Ada", "Something to page through.");
    assertThat(get("/api/v1/threads.html?site=news&page=cursor&cursor=garbage").error()).isEqualTo("INVALID_CURSOR");
    Reply noThread = get("/api/v1/feeds/thread.atom?site=news&page=never-commented");
    assertThat(noThread.status()).isEqualTo(404);
    assertThat(noThread.error()).isEqualTo("THREAD_NOT_FOUND");
    assertThat(get("/api/v1/feeds/site.atom").error()).isEqualTo("VALIDATION_FAILED");
    assertThat(get("/api/v1/feeds/site.atom?site=nope").status()).isEqualTo(404);
  }

  @Test
  void threadFeedIsValidAtomWithEscapedContentAndNoHeldComments() throws Exception {
    long first = post("news", "feed", null, "Ada", "Published *nicely*.");
    long held = post("news", "feed", null, "Mallory", "I will hurt you and kill you");
    long hostile = post("news", "feed", first, HOSTILE_NAME, HOSTILE_BODY);

    Reply r = get("/api/v1/feeds/thread.atom?site=news&page=feed");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
    assertThat(r.raw().body()).doesNotContain("<img").doesNotContain("<script");
    Element feed = parse(r.raw().body());
    assertThat(feed.getNamespaceURI()).isEqualTo(NS);
    assertThat(feed.getLocalName()).isEqualTo("feed");
    assertThat(text(feed, "id")).startsWith("urn:parley:site:news:thread:");
    assertThat(text(feed, "title")).isEqualTo("Comments on Story <b>feed</b>");
    Instant updated = Instant.parse(text(feed, "updated"));
    List<Element> entries = children(feed, "entry");
    assertThat(entries).hasSize(2);
    assertThat(entries.stream().map(e -> text(e, "id")))
        .containsExactly("urn:parley:site:news:comment:" + hostile, "urn:parley:site:news:comment:" + first)
        .noneMatch(id -> id.endsWith(":" + held));
    Element newest = entries.get(0);
    assertThat(Instant.parse(text(newest, "updated"))).isEqualTo(updated);
    assertThat(text(children(newest, "author").get(0), "name")).isEqualTo(HOSTILE_NAME);
    assertThat(children(newest, "link").get(0).getAttribute("href"))
        .isEqualTo("https://news.example/feed#parley-comment-" + hostile);
    Element content = children(newest, "content").get(0);
    assertThat(content.getAttribute("type")).isEqualTo("html");
    // the decoded content is the sanitized body HTML: the script is text, the javascript: link is gone
    assertThat(content.getTextContent()).contains("&lt;script&gt;").doesNotContain("<script").doesNotContain("href=\"javascript");
    assertThat(children(entries.get(1), "content").get(0).getTextContent()).isEqualTo("<p>Published <em>nicely</em>.</p>");
  }

  @Test
  void siteFeedHoldsAtMostFiftyNewestPublishedAndNeverRejected() throws Exception {
    server.app().moderation().updatePolicy("other", new Policy(Mode.POST_MODERATE, 2, Policy.defaults().thresholds(),
        List.of("nuke"), List.of(), 2, true, 10, 100, 3, false));
    long rejected = post("other", "banned", null, "Eve", "we should n.u.k.e them");
    var unmoderated = server.app().comments().withArrivalCheck(ArrivalCheck.PUBLISH_ALL);
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 55; i++) {
      ids.add(unmoderated.post(new PostRequest("other", "p" + (i % 3), null, null, null, "Writer " + i, null,
          "Comment number " + i, "writer-" + i)).comment().id());
    }
    Reply r = get("/api/v1/feeds/site.atom?site=other");
    assertThat(r.status()).isEqualTo(200);
    Element feed = parse(r.raw().body());
    assertThat(text(feed, "id")).isEqualTo("urn:parley:site:other");
    assertThat(text(feed, "title")).startsWith("Comments on ");
    Instant.parse(text(feed, "updated"));
    List<Element> entries = children(feed, "entry");
    assertThat(entries).hasSize(50);
    assertThat(text(entries.get(0), "id")).isEqualTo("urn:parley:site:other:comment:" + ids.get(54));
    assertThat(entries.stream().map(e -> text(e, "id"))).doesNotContain("urn:parley:site:other:comment:" + rejected)
        .doesNotContain("urn:parley:site:other:comment:" + ids.get(0));
    // no page URL was given: entries link to the thread's no-JavaScript page
    assertThat(children(entries.get(0), "link").get(0).getAttribute("href"))
        .contains("/api/v1/threads.html?site=other&page=p").endsWith("#parley-comment-" + ids.get(54));
  }

  private static Element parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    return doc.getDocumentElement();
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && NS.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) out.add(e);
    }
    return out;
  }

  private static String text(Element parent, String name) {
    List<Element> found = children(parent, name);
    assertThat(found).as("<%s> in <%s>", name, parent.getLocalName()).hasSize(1);
    return found.get(0).getTextContent();
  }
}
