package io.gdwct.folder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a folder run did, for its summary and exit status.
 *
 * @param shard         the share of the folder this run took
 * @param inFolder      content images in the whole folder
 * @param inShard       of which this shard's
 * @param translated    outputs written by this run
 * @param alreadyDone   outputs that were there already (an earlier, interrupted run), skipped
 * @param failures      the images that could not be translated, sorted by name
 * @param tempsRemoved  temporary files of an interrupted earlier run deleted before starting
 * @param stopped       the run stopped before every image was tried (shutdown); running it again resumes
 * @param nanos         how long the run took
 */
public record FolderReport(Shard shard, int inFolder, int inShard, int translated, int alreadyDone,
        List<Failure> failures, int tempsRemoved, boolean stopped, long nanos) {

    /** One image that could not be translated, and why (one line). */
    public record Failure(String name, String reason) {}

    public FolderReport {
        failures = List.copyOf(failures);
    }

    /** Every image of the shard has its output. */
    public boolean complete() {
        return !stopped && failures.isEmpty();
    }

    /**
     * The summary: a count line, then the first {@code maxFailures} failures, one per line.
     */
    public List<String> lines(int maxFailures) {
        List<String> lines = new ArrayList<>();
        double seconds = nanos / 1e9;
        String of = shard.count() == 1 ? inFolder + " images" : inFolder + " images, shard " + shard + " has " + inShard;
        lines.add(String.format(Locale.ROOT, "%s: translated %d, already done %d, failed %d in %.1f s%s", of,
                translated, alreadyDone, failures.size(), seconds,
                translated > 0 && seconds > 0 ? String.format(Locale.ROOT, " (%.1f img/s)", translated / seconds) : ""));
        if (tempsRemoved > 0) {
            lines.add("removed " + tempsRemoved + " temporary file(s) left by an interrupted run");
        }
        for (Failure f : failures.subList(0, Math.min(maxFailures, failures.size()))) {
            lines.add("failed: " + f.name() + ": " + f.reason());
        }
        if (failures.size() > maxFailures) {
            lines.add("... and " + (failures.size() - maxFailures) + " more failed");
        }
        if (stopped) {
            lines.add("stopped before the end: run the same command again to finish");
        }
        return lines;
    }
}
