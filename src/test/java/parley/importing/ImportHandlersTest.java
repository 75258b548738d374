package parley.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import parley.store.Database;
import parley.store.Dialect;
import parley.web.Server;

/** The upload endpoint on a real server (port 0), mounted the way the admin routes will mount it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportHandlersTest {
  private final Databases databases = new Databases();
  private final HttpClient http = HttpClient.newHttpClient();
  private Javalin server;
  private String site;

  @BeforeAll
  void start() {
    Database db = databases.get(Dialect.SQLITE);
    site = databases.newSite(Dialect.SQLITE);
    ImportHandlers imports = new ImportHandlers(db, new ImportConfig(20_000));
    server = Server.create(0, 64 * 1024, false,
        routes -> routes.post("/api/v1/admin/sites/{site}/imports", imports::upload)).start();
  }

  @AfterAll
  void stop() {
    server.stop();
    databases.close();
  }

  private HttpResponse<String> post(String query, byte[] body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port()
            + "/api/v1/admin/sites/" + site + "/imports?" + query))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void importsAnUploadedFileAndReportsIt() throws Exception {
    HttpResponse<String> r = post("format=disqus", Files.readAllBytes(Fixtures.file("disqus-edge-cases.xml")));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"inserted\":10", "\"orphans\":1", "merged");
  }

  @Test
  void refusesFilesOverTheLimitAndBadInput() throws Exception {
    HttpResponse<String> big = post("format=disqus", new byte[30_000]);
    assertThat(big.statusCode()).isEqualTo(413);
    assertThat(big.body()).contains("REQUEST_TOO_LARGE", "parley import");

    HttpResponse<String> broken = post("format=disqus", Files.readAllBytes(Fixtures.file("disqus-malformed.xml")));
    assertThat(broken.statusCode()).isEqualTo(422);
    assertThat(broken.body()).contains("IMPORT_FAILED", "line 17, column", "dsq:id=\\\"12\\\"");

    assertThat(post("format=rss", new byte[10]).statusCode()).isEqualTo(400);
    HttpResponse<String> noSite = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port()
            + "/api/v1/admin/sites/nosuchsite/imports?format=disqus"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[10])).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(noSite.statusCode()).isEqualTo(404);
  }
}
