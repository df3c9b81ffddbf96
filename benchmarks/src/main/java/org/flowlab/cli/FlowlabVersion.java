package org.flowlab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.flowlab.experiment.CodeRevision;
import picocli.CommandLine;

/** The version printed by {@code flowlab --version}, taken from the build (flowlab.properties). */
public final class FlowlabVersion implements CommandLine.IVersionProvider {

    /**
     * The Flowlab version, part of what fixes every simulated number (with scenario and seed): the
     * Maven version and the build's {@linkplain CodeRevision code revision}, {@code 0.1.0+3f9a0c2e71b4}.
     */
    public static String current() {
        return release() + "+" + CodeRevision.current();
    }

    /** The Maven version alone, {@code 0.1.0}. */
    static String release() {
        try (InputStream in = FlowlabVersion.class.getResourceAsStream("/flowlab.properties")) {
            if (in == null) {
                throw new IllegalStateException("flowlab.properties is missing from the class path");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"flowlab " + current(), "Java " + System.getProperty("java.version")};
    }
}
