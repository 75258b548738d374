package parley.site;

import parley.kit.ApiException;
import parley.kit.ErrorCode;

/**
 * Which browser origins may call the API for a site: the origins the site allows, and Parley's own (its public URL,
 * or the origin the request was sent to). Plain values in, so handlers and the CORS filter share one rule.
 */
public final class Origins {
  private final SiteService sites;
  private final String publicOrigin;

  public Origins(SiteService sites, String publicUrl) {
    this.sites = sites;
    this.publicOrigin = publicUrl == null || publicUrl.isBlank() ? null : originOf(publicUrl);
  }

  /** @param origin the request's Origin header; @param requestOrigin {@code scheme://host} the request came to */
  public boolean isOwn(String origin, String requestOrigin) {
    return origin.equalsIgnoreCase(requestOrigin) || origin.equalsIgnoreCase(publicOrigin);
  }

  /** Preflights cannot name the site yet: they pass when any site allows the origin. */
  public boolean allowedAnywhere(String origin) {
    return sites.allowedAnywhere(origin);
  }

  /** Refuses a cross-origin request that {@code siteId} does not allow; a request without Origin is not a browser's. */
  public void requireAllowed(String origin, String requestOrigin, String siteId) {
    if (origin == null || isOwn(origin, requestOrigin)) return;
    Site site = sites.find(siteId).orElse(null);
    if (site != null && !site.allowsOrigin(origin)) throw new ApiException(ErrorCode.ORIGIN_NOT_ALLOWED);
  }

  /**
   * Whether an emailed link for a reader of {@code siteId} may point at {@code url}: only an http(s) page on an origin
   * the site allows, or on Parley's own ({@code ownUrl}, never the request's Host, which a caller can choose).
   */
  public boolean mayLinkTo(String url, String siteId, String ownUrl) {
    String origin;
    try {
      java.net.URI uri = java.net.URI.create(url);
      if (uri.getAuthority() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) return false;
      origin = originOf(url);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (origin.equalsIgnoreCase(publicOrigin) || origin.equalsIgnoreCase(originOf(ownUrl))) return true;
    Site site = sites.find(siteId).orElse(null);
    return site != null && site.allowsOrigin(origin);
  }

  static String originOf(String url) {
    java.net.URI uri = java.net.URI.create(url);
    return uri.getScheme() + "://" + uri.getAuthority();
  }
}
