package org.flowlab.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.flowlab.experiment.PointStore;
import org.flowlab.experiment.SweepPoint;
import org.flowlab.workloads.io.AtomicFiles;

/**
 * A sweep's points on disk, one JSON file each in the sweep's {@code points/} folder, named after
 * the point's key ({@code batch@interval=1h.json}) and written through a temporary file, so a
 * point file is whole or absent. A file that cannot be read back, or holds another key, counts as
 * missing: the point is run again and the file replaced.
 */
public final class SweepPointFiles implements PointStore {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private final Path dir;

    public SweepPointFiles(Path dir) {
        this.dir = dir;
    }

    /** The file of {@code key}: characters other than letters, digits and {@code =.,@_-} become {@code _}. */
    public Path file(String key) {
        return dir.resolve(key.replaceAll("[^A-Za-z0-9=.,@_-]", "_") + ".json");
    }

    @Override
    public Optional<SweepPoint> find(String key) {
        Path file = file(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            SweepPoint p = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), SweepPoint.class);
            return p != null && key.equals(p.key()) ? Optional.of(p) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            // Unreadable, or from an older Flowlab whose point lacks a field (Gson wraps the record's
            // own NullPointerException): run the point again.
            return Optional.empty();
        }
    }

    @Override
    public void save(SweepPoint point) {
        AtomicFiles.writeString(file(point.key()), GSON.toJson(point) + "\n");
    }
}
