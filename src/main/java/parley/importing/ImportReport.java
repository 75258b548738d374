package parley.importing;

import java.util.List;

/**
 * What an import did.
 *
 * @param threads Parley threads the comments went to: records for one page merge into one, so this may be fewer than
 *     the thread records the file holds ({@code counts.threads()})
 * @param inserted comments new to the database
 * @param updated comments that were already there from an earlier import of the same source, now updated
 * @param orphans comments whose parent is not in the file: kept as top-level comments
 * @param warnings the first warnings, each naming its record; {@code warningCount} counts all
 * @param counts what the file holds by kind (held, rejected, authors, pingbacks…), from the check before writing
 */
public record ImportReport(
    String format, String siteId, long threads, long inserted, long updated, long orphans, List<String> warnings,
    long warningCount, double seconds, ImportCounts counts) {

  public long comments() {
    return inserted + updated;
  }

  /** Lines for a terminal: totals first, then the warnings. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(java.util.Locale.ROOT,
        "Imported %,d comments (%,d new, %,d updated) in %,d threads into site '%s' in %.1f s (%,.0f comments/s).%n",
        comments(), inserted, updated, threads, siteId, seconds, seconds > 0 ? comments() / seconds : 0.0));
    if (counts != null) sb.append(kinds(counts));
    if (orphans > 0) sb.append(String.format("%,d comments reply to posts missing from the file: kept top-level.%n", orphans));
    if (warningCount > 0) sb.append(String.format("%,d warnings:%n", warningCount));
    warnings.forEach(w -> sb.append("  ").append(w).append('\n'));
    if (warningCount > warnings.size()) sb.append("  ... and ").append(warningCount - warnings.size()).append(" more\n");
    return sb.toString();
  }

  /** One line of counts by kind, as the CLI prints them (also for {@code --dry-run}). */
  public static String kinds(ImportCounts c) {
    return String.format(java.util.Locale.ROOT,
        "  threads %,d, comments %,d (published %,d, held %,d, rejected %,d, deleted %,d), authors %,d, "
            + "pingbacks/trackbacks/notes skipped %,d, records without id skipped %,d, "
            + "replies to missing comments %,d, "
            + "threads named but not described %,d%n",
        c.threads(), c.comments(), c.published(), c.held(), c.rejected(), c.deleted(), c.authors(), c.pingbacks(),
        c.withoutId(), c.orphans(), c.placeholderThreads());
  }
}
