package parley.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import parley.auth.Role;
import parley.testing.ModerationServer;
import parley.testing.ModerationServer.As;
import parley.testing.Reply;
import parley.testing.Staff;

/** The mounted upload route: only an admin of the site may import into it, with CSRF like every change. */
class ImportUploadAuthTest {
  static ModerationServer server;

  @BeforeAll
  static void start() {
    server = ModerationServer.start();
    Staff.create(server.app(), "admin@example.org", ModerationServer.SITE, Role.ADMIN);
    Staff.create(server.app(), "mod@example.org", ModerationServer.SITE, Role.MODERATOR);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Reply upload(As as, String site) throws Exception {
    String xml = Files.readString(Fixtures.file("disqus-edge-cases.xml"));
    return server.send(as, "POST", "/api/v1/sites/" + site + "/imports?format=disqus", xml);
  }

  @Test
  void onlyTheSitesAdminMayUpload() throws Exception {
    assertThat(upload(As.ANONYMOUS, ModerationServer.SITE).status()).isEqualTo(401);
    As mod = server.login("mod@example.org", Staff.PASSWORD);
    assertThat(upload(mod, ModerationServer.SITE).status()).isEqualTo(403);
    As admin = server.login("admin@example.org", Staff.PASSWORD);
    assertThat(upload(admin, "other").status()).isEqualTo(403);
    As noCsrf = new As(admin.headers()[0], admin.headers()[1]);
    assertThat(upload(noCsrf, ModerationServer.SITE).error()).isEqualTo("CSRF_TOKEN_INVALID");

    Reply ok = upload(admin, ModerationServer.SITE);
    assertThat(ok.status()).as(ok.raw().body()).isEqualTo(200);
    assertThat(ok.json().path("inserted").asInt()).isEqualTo(10);
    Reply again = upload(admin, ModerationServer.SITE);
    assertThat(again.json().path("inserted").asInt()).isZero();
  }
}
