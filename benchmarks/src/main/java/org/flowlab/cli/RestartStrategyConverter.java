package org.flowlab.cli;

import org.flowlab.sim.stream.RestartStrategy;

/** Reads the stream's restart strategy: {@code exponential-delay:initial=1s,max=1m}, {@code fixed-delay:attempts=3,delay=10s}, or {@code none}. */
public final class RestartStrategyConverter extends TextConverter<RestartStrategy> {
    public RestartStrategyConverter() {
        super(RestartStrategy::parse);
    }
}
