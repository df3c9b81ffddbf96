package org.flowlab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/** The version printed by {@code flowlab --version}, taken from the build (flowlab.properties). */
public final class FlowlabVersion implements CommandLine.IVersionProvider {

    /** The Flowlab version, part of what fixes every simulated number (with scenario and seed). */
    public static String current() {
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
