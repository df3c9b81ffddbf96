package org.flowlab.report;

import static org.flowlab.report.HtmlText.escape;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.io.AtomicFiles;

/**
 * {@code index.html}: every run in a runs folder, newest first, with its scenario, job, events,
 * p99 latency per engine, agreement and recommendation, each linking to its report; and, when
 * they sit beside the index, the sweeps ({@code sweeps/}) and the committed reference results
 * ({@code reference/}). Regenerated after each run from the run folders' run.json files, so it
 * never disagrees with them; folders without a readable run.json are left out.
 */
public final class RunIndex {

    /** What marks a page as this index: its title. */
    private static final String TITLE = "<title>Flowlab — runs</title>";

    private RunIndex() {
    }

    /**
     * Refuses {@code indexFile} if it exists and is not an index this class wrote: a run would
     * replace someone's own {@code index.html} in the folder given as {@code --out}. Called before
     * anything is run or written.
     */
    public static void requireOwnOrAbsent(Path indexFile) {
        if (!Files.exists(indexFile)) {
            return;
        }
        if (!Files.isRegularFile(indexFile)) {
            // Refused now: writing the index after the run would fail with the run folder already in place.
            throw new InvalidInputException(indexFile + ": is not a file (a folder or a device), and a run would have to "
                    + "replace it with Flowlab's index of runs; choose another --out");
        }
        String page;
        try {
            page = Files.readString(indexFile, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidInputException(indexFile + ": cannot read it to check it is Flowlab's index of runs");
        }
        if (!page.contains(TITLE)) {
            throw new InvalidInputException(indexFile + ": is not Flowlab's index of runs, and a run would replace it; "
                    + "choose another --out");
        }
    }

    /** Writes {@code indexFile} listing the runs in {@code runsDir}; returns how many it lists. */
    public static int write(Path indexFile, Path runsDir) {
        Path home = indexFile.toAbsolutePath().getParent();
        List<Path> runs = folders(runsDir, "run.json");
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n").append(TITLE).append("\n<style>\n")
                .append(HtmlText.STYLE).append("</style>\n</head>\n<body>\n<h1>Flowlab runs</h1>\n");
        List<Path> reference = folders(home.resolve("reference"), "report.html");
        if (!reference.isEmpty() && !home.resolve("reference").equals(runsDir.toAbsolutePath())) {
            h.append("<h2>Reference results</h2>\n<ul>\n");
            for (Path r : reference) {
                link(h, home, r);
            }
            h.append("</ul>\n");
        }
        List<Path> sweeps = folders(home.resolve("sweeps"), "report.html");
        if (!sweeps.isEmpty()) {
            h.append("<h2>Sweeps</h2>\n<ul>\n");
            for (Path s : sweeps) {
                link(h, home, s);
            }
            h.append("</ul>\n");
        }
        h.append("<h2>Comparisons</h2>\n");
        int listed = 0;
        StringBuilder rows = new StringBuilder();
        for (Path run : runs) {
            RunReport r;
            try {
                r = RunReportJson.read(run.resolve("run.json"));
            } catch (RuntimeException e) {
                continue; // a foreign or broken folder: not a run this version can list
            }
            if (r.engines() == null || r.parameters() == null) {
                continue;
            }
            listed++;
            rows.append("<tr><td><a href=\"").append(escape(relative(home, run.resolve("report.html")))).append("\">")
                    .append(escape(run.getFileName().toString())).append("</a></td><td>")
                    .append(escape(RunInput.name(r.parameters().input(), r.scenario())))
                    .append("</td><td>").append(escape(r.job())).append("</td><td class=\"num\">")
                    .append(String.format(Locale.ROOT, "%,d", r.trace().events())).append("</td><td>")
                    .append(escape(r.parameters().faults())).append("</td><td>");
            for (Map.Entry<String, RunReport.EngineFigures> e : r.engines().entrySet()) {
                RunReport.Latency latency = e.getValue().latencyMs();
                rows.append(ReportPage.swatch(r.parameters(), e.getKey())).append(escape(e.getKey())).append(' ')
                        .append(escape(latency == null ? "—" : ComparisonTable.ms(latency.p99()))).append("<br>");
            }
            boolean agree = r.agreement().resultsAgree();
            List<String> failed = r.engines().entrySet().stream().filter(e -> e.getValue().failed()).map(Map.Entry::getKey).toList();
            rows.append("</td><td class=\"").append(agree ? "ok\">✓" : "bad\">✗")
                    .append(failed.isEmpty() ? "" : escape(" (" + String.join(", ", failed) + " failed)")).append("</td><td>")
                    .append(escape(r.recommendation().choice() == null ? "—" : r.recommendation().choice())).append("</td></tr>\n");
        }
        if (listed == 0) {
            h.append("<p>No runs yet: <code>./flowlab compare</code> makes one.</p>\n");
        } else {
            h.append("<table>\n<tr><th>run</th><th>trace</th><th>job</th><th>events</th><th>faults</th>"
                    + "<th>p99 latency per record</th><th>agree</th><th>recommended</th></tr>\n").append(rows).append("</table>\n");
        }
        h.append("</body>\n</html>\n");
        AtomicFiles.writeString(indexFile, h.toString());
        return listed;
    }

    private static void link(StringBuilder h, Path home, Path folder) {
        h.append("<li><a href=\"").append(escape(relative(home, folder.resolve("report.html")))).append("\">")
                .append(escape(relative(home, folder))).append("</a></li>\n");
    }

    /** The visible sub-folders of {@code dir} holding {@code marker}, newest name first. */
    static List<Path> folders(Path dir, String marker) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            List<Path> out = new ArrayList<>(list.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> Files.isRegularFile(p.resolve(marker))).toList());
            out.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
            return out;
        } catch (IOException e) {
            throw InvalidInputException.cannot("list", dir, e);
        }
    }

    /** {@code target} relative to {@code home}, with forward slashes, for an href. */
    static String relative(Path home, Path target) {
        return home.toAbsolutePath().normalize().relativize(target.toAbsolutePath().normalize()).toString()
                .replace('\\', '/');
    }
}
