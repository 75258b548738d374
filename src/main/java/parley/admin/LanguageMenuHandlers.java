package parley.admin;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import parley.i18n.Lang;
import parley.i18n.Messages;

/** The dashboard's language: the menu's cookie, else the browser's Accept-Language, else English. Stateless. */
public final class LanguageMenuHandlers {
  static final String COOKIE = "parley_lang";
  private static final int ONE_YEAR = 365 * 24 * 3600;

  private LanguageMenuHandlers() {}

  /** The strings for this request's language. */
  public static Messages of(Context ctx) {
    Lang chosen = Lang.nearest(ctx.cookie(COOKIE));
    return Messages.of(chosen != null ? chosen : Lang.fromAcceptLanguage(ctx.header("Accept-Language")));
  }

  // POST /admin/lang (form: lang) → language cookie, back to the page the menu was on
  public static void choose(Context ctx) {
    Lang lang = Lang.nearest(ctx.formParam("lang"));
    if (lang == null) lang = Lang.EN;
    Cookie c = new Cookie(COOKIE, lang.tag(), "/admin", ONE_YEAR, "https".equals(ctx.scheme()), true, null,
        SameSite.LAX);
    ctx.cookie(c);
    ctx.redirect(backTo(ctx.header("Referer"), ctx.scheme() + "://" + ctx.host()));
  }

  /** Only a dashboard page on this host: the Referer must not turn the menu into an open redirect. */
  static String backTo(String referer, String origin) {
    if (referer == null || !referer.startsWith(origin + "/admin")) return "/admin";
    String path = referer.substring(origin.length());
    return path.startsWith("/admin/lang") ? "/admin" : path;
  }
}
