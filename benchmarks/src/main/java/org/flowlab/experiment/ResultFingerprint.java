package org.flowlab.experiment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.flowlab.sim.job.Output;
import org.flowlab.sim.job.ResultKey;
import org.flowlab.sim.job.ResultTable;

/**
 * A result table reduced to a SHA-256 of its outputs, in key order, each written as its key's four
 * numbers and its value's class and text (a double as {@link Double#toString}, which tells every two
 * values apart; rows and records component by component): two tables have the same
 * fingerprint exactly when they are equal, except by a hash collision. It lets a run in another JVM
 * show that it computed the same results without sending them.
 */
public final class ResultFingerprint {

    private ResultFingerprint() {
    }

    /** The fingerprint of {@code table}, 64 hex digits. */
    public static String of(ResultTable table) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        for (Output output : table.outputs()) {
            ResultKey at = output.at();
            Object value = output.value();
            String line = at.key() + " " + at.windowStart() + " " + at.windowEnd() + " " + at.seq() + " = "
                    + value.getClass().getName() + " " + value;
            sha.update(line.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
