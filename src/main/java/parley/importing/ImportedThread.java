package parley.importing;

/**
 * A discussion page as read from an export file.
 *
 * @param sourceId the thread's id in the source system; posts name their thread by it
 * @param pageKey the Parley page key the thread is filed under (what the widget sends as {@code data-page})
 * @param createdAt epoch millis
 */
public record ImportedThread(
    String sourceId, String pageKey, String url, String title, boolean closed, long createdAt, Location at) {}
