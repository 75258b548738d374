package parley.live;

/** Who a stream listens for: the readers of one page of a site ({@code pageKey} set), or the site's moderators. */
public record Topic(String siteId, String pageKey) {
  public static Topic readers(String siteId, String pageKey) {
    return new Topic(siteId, pageKey);
  }

  public static Topic moderators(String siteId) {
    return new Topic(siteId, null);
  }

  public boolean moderators() {
    return pageKey == null;
  }

  /** The topic an event goes to: published comments to the page's readers, everything else to moderators. */
  static Topic of(LiveEvent e) {
    return e.kind().forReaders() ? readers(e.siteId(), e.pageKey()) : moderators(e.siteId());
  }
}
