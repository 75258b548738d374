package parley.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headers every response carries (API, widget files, dashboard, errors), and the demo page's Content-Security-Policy.
 * The widget itself needs no header here: it runs on the publisher's page, under the publisher's policy.
 */
public final class SecurityHeaders {
  private static final Pattern STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);

  private final String demoPolicy;

  private SecurityHeaders(String demoPolicy) {
    this.demoPolicy = demoPolicy;
  }

  /** Adds the headers before any handler or static file runs, so even error responses have them. */
  public static void register(RoutesConfig routes) {
    SecurityHeaders headers = new SecurityHeaders(demoPolicy(demoPageStyle()));
    routes.before(headers::apply);
  }

  private void apply(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    // the API's URLs carry page keys; other origins need no more than ours
    ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
    String path = ctx.path();
    if (path.equals("/") || path.equals("/index.html")) ctx.header("Content-Security-Policy", demoPolicy);
  }

  /** The demo page's policy: its one inline style block by hash, the widget from 'self', no inline script at all. */
  static String demoPolicy(String inlineStyle) {
    String styleHash = inlineStyle == null ? "" : " 'sha256-" + sha256Base64(inlineStyle) + "'";
    return "default-src 'none'; script-src 'self'; style-src 'self'" + styleHash + "; img-src 'self' data:; "
        + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  }

  private static String demoPageStyle() {
    try (InputStream in = SecurityHeaders.class.getResourceAsStream("/public/index.html")) {
      if (in == null) return null;
      Matcher m = STYLE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return m.find() ? m.group(1) : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256Base64(String text) {
    try {
      return Base64.getEncoder().encodeToString(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
