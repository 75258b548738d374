package parley.importing;

import java.util.List;

/**
 * What an import did.
 *
 * @param threads thread records read (several may merge into one Parley thread)
 * @param inserted comments new to the database
 * @param updated comments that were already there from an earlier import of the same source, now updated
 * @param orphans comments whose parent is not in the file: kept as top-level comments
 * @param warnings the first warnings, each naming its record; {@code warningCount} counts all
 */
public record ImportReport(
    String format, String siteId, long threads, long inserted, long updated, long orphans, List<String> warnings,
    long warningCount, double seconds) {

  public long comments() {
    return inserted + updated;
  }

  /** Lines for a terminal: totals first, then the warnings. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(java.util.Locale.ROOT,
        "Imported %,d comments (%,d new, %,d updated) in %,d threads into site '%s' in %.1f s (%,.0f comments/s).%n",
        comments(), inserted, updated, threads, siteId, seconds, seconds > 0 ? comments() / seconds : 0.0));
    if (orphans > 0) sb.append(String.format("%,d comments reply to posts missing from the file: kept top-level.%n", orphans));
    if (warningCount > 0) sb.append(String.format("%,d warnings:%n", warningCount));
    warnings.forEach(w -> sb.append("  ").append(w).append('\n'));
    if (warningCount > warnings.size()) sb.append("  ... and ").append(warningCount - warnings.size()).append(" more\n");
    return sb.toString();
  }
}
