package org.flowlab.workloads.nexmark;

/**
 * How the Nexmark event rate moves between its first and next rate over one rate period, as
 * Beam's {@code NexmarkUtils.RateShape} defines it: a square wave alternates the two rates, a
 * sine wave steps through ten rates on a cosine from the first rate down to the next and back.
 * Each step lasts the same span of event time.
 */
public enum RateShape {
    SQUARE("square"),
    SINE("sine");

    /** Beam approximates the sine by this many steps per period. */
    private static final int SINE_STEPS = 10;

    private final String jsonName;

    RateShape(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name used in the scenario JSON. */
    public String jsonName() {
        return jsonName;
    }

    /** The shape named {@code name} in the scenario JSON. */
    public static RateShape fromJson(String name) {
        for (RateShape shape : values()) {
            if (shape.jsonName.equals(name)) {
                return shape;
            }
        }
        throw new IllegalArgumentException("unknown rate shape '" + name + "'");
    }

    /**
     * The rate of each step, events per second; one step when the two rates are equal. The
     * time-weighted mean of the steps is {@code (first + next) / 2} for both shapes.
     */
    public double[] stepRates(double first, double next) {
        if (first == next) {
            return new double[] {first};
        }
        return switch (this) {
            case SQUARE -> new double[] {first, next};
            case SINE -> {
                double mid = (first + next) / 2;
                double amplitude = (first - next) / 2;
                double[] rates = new double[SINE_STEPS];
                for (int i = 0; i < SINE_STEPS; i++) {
                    rates[i] = mid + amplitude * Math.cos(2 * Math.PI * i / SINE_STEPS);
                }
                yield rates;
            }
        };
    }
}
