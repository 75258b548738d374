package parley.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import parley.cli.Parley;
import parley.store.Database;
import parley.testing.TempDirs;

/** {@code parley admin create} makes an account that can sign in, with a role on the site. */
class AdminCommandTest {
  @Test
  void createsAnAdminFromStdin() throws Exception {
    Path dir = Files.createTempDirectory("parley-cli-");
    InputStream stdin = System.in;
    try {
      System.setIn(new ByteArrayInputStream("a long enough secret\n".getBytes(StandardCharsets.UTF_8)));
      int code = Parley.commandLine().execute("admin", "create", "--email", "Boss@Example.org", "--site", "blog",
          "--password-stdin", "--data-dir", dir.toString());
      assertThat(code).isZero();
      System.setIn(new ByteArrayInputStream("short\n".getBytes(StandardCharsets.UTF_8)));
      assertThat(Parley.commandLine().execute("admin", "create", "--email", "x@example.org", "--site", "blog",
          "--password-stdin", "--data-dir", dir.toString())).isEqualTo(1);
    } finally {
      System.setIn(stdin);
    }
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("parley.db"))) {
      AuthService auth = new AuthService(new AccountStore(db, java.time.Clock.systemUTC()), new SessionStore(db, java.time.Clock.systemUTC()), new LoginThrottle(java.time.Clock.systemUTC()));
      AuthService.SignedIn s = auth.login("boss@example.org", "a long enough secret", "127.0.0.1");
      assertThat(auth.principal(s.sessionToken()).orElseThrow().can("blog", Role.ADMIN)).isTrue();
    } finally {
      TempDirs.deleteQuietly(dir);
    }
  }
}
