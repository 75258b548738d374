package parley.importing;

/**
 * What a file holds, by kind, as read by the pre-pass ({@link DryRun}) that every XML import makes before it
 * writes anything.
 *
 * @param threads thread records described in the file
 * @param comments comments to import (pingbacks and records without an id left out)
 * @param held comments imported as pending (unapproved in the source)
 * @param rejected comments imported as rejected (spam in the source)
 * @param deleted comments imported as deleted placeholders
 * @param authors distinct authors (by email, else by name)
 * @param pingbacks WordPress pingbacks and trackbacks skipped
 * @param withoutId records skipped because they have no id
 * @param orphans replies whose parent is not in the file (kept top-level)
 * @param placeholderThreads threads named by posts but not described (their posts go to a placeholder thread)
 */
public record ImportCounts(long threads, long comments, long published, long held, long rejected, long deleted,
    long authors, long pingbacks, long withoutId, long orphans, long placeholderThreads) {}
