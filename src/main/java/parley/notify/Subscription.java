package parley.notify;

/** A reader's wish to be emailed replies: in one thread, or anywhere on the site ({@code threadId} null). */
record Subscription(long id, String siteId, String email, Long threadId, boolean confirmed) {}
