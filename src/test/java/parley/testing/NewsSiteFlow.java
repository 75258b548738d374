package parley.testing;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import parley.auth.Role;
import parley.store.Dialect;
import parley.testing.ModerationServer.As;

/**
 * A flow test of site "news", run once per database: a server with the keyword classifier on a fresh database of
 * each dialect, and an admin signed in to the dashboard. A subclass adds its own set-up in a
 * {@code @BeforeParameterizedClassInvocation} method of its own, which runs after this one.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class NewsSiteFlow {
  /** The moderators' API of site "news". */
  protected static final String S = "/api/v1/sites/" + ModerationServer.SITE;

  @Parameter
  protected Dialect dialect;
  protected ModerationServer server;
  protected As admin;

  @BeforeParameterizedClassInvocation
  protected void startNewsSite() {
    server = ModerationServer.on(dialect, new KeywordClassifier());
    admin = server.staff("admin@example.org", Role.ADMIN);
  }

  @AfterParameterizedClassInvocation
  protected void stopNewsSite() {
    if (server != null) server.close();
  }
}
