package org.flowlab.sim.fault;

import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.text.DurationText;

/**
 * The input stalls during {@code [from, to)}: nothing is read from the sources (a broker outage);
 * records keep arriving and are read after it. Written {@code stall:source@10m..12m}.
 *
 * @param from when it starts, >= 0
 * @param to   when it ends, after {@code from}
 */
public record SourceStall(long from, long to) implements Fault {

    public SourceStall {
        if (from < 0) {
            throw new InvalidInputException("stall: the period must start at a time >= 0 (got " + from + " ns)");
        }
        if (to <= from) {
            throw new InvalidInputException("stall: the period must end after it starts (got "
                    + DurationText.exact(from) + ".." + DurationText.exact(to) + ")");
        }
    }

    /** Whether the stall covers {@code t}. */
    public boolean covers(long t) {
        return from <= t && t < to;
    }

    @Override
    public String toString() {
        return "stall:source@" + DurationText.exact(from) + ".." + DurationText.exact(to);
    }
}
