package parley.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import parley.auth.Role;
import parley.importing.Fixtures;
import parley.kit.Tokens;
import parley.testing.ModerationServer;
import parley.testing.ModerationServer.As;
import parley.testing.NewsSiteFlow;
import parley.testing.Reply;
import parley.testing.Staff;

/**
 * The user page of authors known only from a Disqus or WordPress import (keys {@code email:}, {@code user:},
 * {@code name:} and a hash): reached from a card and from the users list, with notes and bans; a forged key or hint
 * shows no one else. SQLite and PostgreSQL.
 */
class ImportedUserPagesTest extends NewsSiteFlow {
  static final String BOB = "email:" + Tokens.sha256("bob@example.org");
  As mod;

  @BeforeParameterizedClassInvocation
  void importArchives() {
    Staff.create(server.app(), "mod@example.org", ModerationServer.SITE, Role.MODERATOR);
    Fixtures.importEdgeCases(server.app().database(), ModerationServer.SITE, 2);
    mod = server.login("mod@example.org", Staff.PASSWORD);
    // an older export's spelling of Bob's email: the same author, as his key says
    server.app().database().write(h -> h.createUpdate("UPDATE comments SET author_email = 'Bob@Example.org'"
        + " WHERE id = (SELECT MIN(id) FROM comments WHERE author_email = 'bob@example.org')").execute());
  }

  @Test
  void theCardLinksToTheImportedAuthorsPageWithAllTheirComments() {
    String bob = cardLink("recent", "Bob");
    assertThat(bob).startsWith("/admin/news/users/" + URLEncoder.encode(BOB, StandardCharsets.UTF_8) + "?c=");
    String page = get(bob, 200);
    // his Disqus and his WordPress comments, under the one email
    assertThat(page).contains("<h1>Bob <small>bob@example.org</small>").contains("Known only from imported comments")
        .contains("I agree with")
        .contains("with a line break.");
    assertThat(cardLink("recent", "Mallory")).contains("/users/user%3A");
    assertThat(get(cardLink("recent", "Guest without email"), 200)).contains("Depth two.");
    // without the hint the key is looked up among the site's imported authors
    assertThat(get(bob.substring(0, bob.indexOf('?')), 200)).contains("I agree with");
  }

  @Test
  void theUsersListListsImportedAuthorsWithTheirKeysAndLinks() {
    JsonNode bob = user("Bob");
    assertThat(bob.path("key").asText()).isEqualTo(BOB);
    assertThat(bob.path("email").asText()).isEqualToIgnoringCase("bob@example.org");
    assertThat(bob.path("comments").asInt()).isGreaterThan(1);
    assertThat(users("").findValuesAsText("key")).containsOnlyOnce(BOB);
    assertThat(bob.path("comments").asInt())
        .isEqualTo(server.send(mod, "GET", S + "/users/" + BOB, null).json().path("comments").size());
    assertThat(user("Mallory").path("key").asText()).isEqualTo("user:" + Tokens.sha256("mallory"));
    assertThat(user("Guest without email").path("key").asText())
        .isEqualTo("name:" + Tokens.sha256("Guest without email"));
    String list = get("/admin/news/users?q=bob", 200);
    Matcher link = Pattern.compile("href=\"(/admin/news/users/[^\"]+)\">Bob<").matcher(list);
    assertThat(link.find()).as(list).isTrue();
    assertThat(get(link.group(1), 200)).contains("I agree with");
    assertThat(server.send(mod, "GET", S + "/users/" + BOB, null).json().path("comments").size()).isGreaterThan(1);
  }

  @Test
  void aNoteAndABanFromTheImportedAuthorsPage() {
    String page = cardLink("recent", "Mallory");
    Reply noted = form(page.replace("?", "/notes?"), Map.of("body", "known troll from the old site"));
    assertThat(noted.status()).isEqualTo(302);
    assertThat(noted.raw().headers().firstValue("Location").orElseThrow()).isEqualTo(page + "&done=note");
    Reply banned = form(page.replace("?", "/ban?"), Map.of("length", "", "reason", "scripts"));
    assertThat(banned.status()).isEqualTo(302);
    assertThat(get(page + "&done=ban", 200)).contains("known troll from the old site").contains("Banned for good")
        .contains("scripts").contains("Saved.");
    assertThat(users("?filter=banned").findValuesAsText("name")).containsExactly("Mallory");
    assertThat(user("Mallory").path("standing").asText()).isEqualTo("BANNED");
    assertThat(server.send(mod, "GET", S + "/bans", null).raw().body()).contains("user:" + Tokens.sha256("mallory"));
    // the note is on the author, so the card's notes show it too
    long comment = Long.parseLong(page.substring(page.indexOf("?c=") + 3));
    assertThat(server.send(mod, "GET", S + "/comments/" + comment + "/notes", null).json().path("notes")
        .findValuesAsText("body")).contains("known troll from the old site");

    String guest = cardLink("recent", "Guest without email");
    assertThat(form(guest.replace("?", "/ban?"), Map.of("length", "7d", "reason", "")).status()).isEqualTo(302);
    assertThat(users("?filter=suspended").findValuesAsText("name")).containsExactly("Guest without email");
    // the API's note, without a hint
    assertThat(server.send(mod, "POST", S + "/users/" + BOB + "/notes", "{\"body\":\"regular\"}").status())
        .isEqualTo(201);
  }

  @Test
  void aForgedKeyOrHintShowsNoOneElse() {
    String mallory = cardLink("recent", "Mallory");
    String hint = mallory.substring(mallory.indexOf("?c="));
    String nobody = "/admin/news/users/" + URLEncoder.encode("email:" + Tokens.sha256("nobody@example.org"),
        StandardCharsets.UTF_8);
    get(nobody, 404);
    get(nobody + hint, 404); // someone else's comment does not make the key theirs
    get("/admin/news/users/email%3Aabc" + hint, 404);
    get("/admin/news/users/name%3A" + Tokens.sha256("Anonymous").toUpperCase() + hint, 404);
    // Bob's key with Mallory's comment is Bob's page
    String bob = get("/admin/news/users/" + URLEncoder.encode(BOB, StandardCharsets.UTF_8) + hint, 200);
    assertThat(bob).contains("<h1>Bob ").doesNotContain("Mallory");
    get("/admin/news/users/" + URLEncoder.encode(BOB, StandardCharsets.UTF_8) + "?c=x", 200);
    assertThat(server.send(mod, "GET", S + "/users/email:" + Tokens.sha256("nobody@example.org"), null).error())
        .isEqualTo("AUTHOR_NOT_FOUND");
    assertThat(form(nobody + "/notes" + hint, Map.of("body", "x")).status()).isEqualTo(404);
    assertThat(form(nobody + "/ban" + hint, Map.of("length", "")).status()).isEqualTo(404);
  }

  String get(String path, int status) {
    Reply r = server.send(mod, "GET", path, null);
    assertThat(r.status()).as(path + ": " + r.raw().body()).isEqualTo(status);
    return r.raw().body();
  }

  String cardLink(String queue, String name) {
    String html = get("/admin/news/queue/" + queue, 200);
    Matcher m = Pattern.compile("<a href=\"([^\"]+)\"><b>" + Pattern.quote(name) + "</b></a>").matcher(html);
    assertThat(m.find()).as(name + " has a link in " + queue).isTrue();
    return m.group(1).replace("&amp;", "&");
  }

  JsonNode users(String query) {
    return server.send(mod, "GET", S + "/users" + query, null).json().path("users");
  }

  JsonNode user(String name) {
    return StreamSupport.stream(users("").spliterator(), false).filter(u -> u.path("name").asText().equals(name))
        .findFirst().orElseThrow(() -> new AssertionError(name + " not in " + users("")));
  }

  Reply form(String path, Map<String, String> fields) {
    return server.form(mod, path, fields);
  }
}
