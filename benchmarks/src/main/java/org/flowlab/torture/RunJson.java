package org.flowlab.torture;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.flowlab.experiment.ComparisonResult;
import org.flowlab.report.RunReport;
import org.flowlab.report.RunReportJson;

/**
 * A comparison's run.json as {@code flowlab compare} writes it ({@link RunReport}, {@link
 * RunReportJson}), without what two runs of the same arguments may write differently — the run's
 * id, the charts' names, the machine ({@code environment}) and wall-clock times — so equal text
 * means equal simulated numbers, parameters, agreement and recommendation.
 */
public final class RunJson {

    /** The fields of run.json that the README says may differ between two runs of one command. */
    static final List<String> UNSTABLE = List.of("runId", "charts", "environment", "wallClock");

    private RunJson() {
    }

    /** {@code result}'s run.json, as a run of Flowlab {@code version} writes it, without the unstable fields. */
    public static String of(ComparisonResult result, String version) {
        return comparable(RunReportJson.toJson(RunReport.of(result, "torture", version, List.of(), "", 0)));
    }

    /** {@code runJson}, the text of a run.json, without the unstable fields. */
    public static String comparable(String runJson) {
        JsonObject o = JsonParser.parseString(runJson).getAsJsonObject();
        UNSTABLE.forEach(o::remove);
        return new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(o) + "\n";
    }

    /** The first line where {@code a} and {@code b} differ, both versions, or empty if they are equal. */
    static String firstDifference(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String l = i < x.length ? x[i].trim() : "(end)";
            String r = i < y.length ? y[i].trim() : "(end)";
            if (!l.equals(r)) {
                return "line " + (i + 1) + ": " + l + " then " + r;
            }
        }
        return "";
    }
}
