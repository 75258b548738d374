package parley.notify;

import parley.i18n.Lang;

/**
 * A reader's wish to be emailed replies: in one thread, or anywhere on the site ({@code threadId} null), in the
 * language of the widget they asked from.
 */
record Subscription(long id, String siteId, String email, Long threadId, boolean confirmed, Lang lang) {
  Subscription {
    if (lang == null) lang = Lang.EN;
  }
}
