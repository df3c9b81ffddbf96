package org.flowlab.charts;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.flowlab.workloads.InvalidInputException;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Saves charts as PNG or SVG the way every Flowlab file is written: to a temporary name in the
 * target directory, then renamed, so an interrupted run never leaves a half-drawn chart.
 */
public final class ChartFiles {
    private ChartFiles() {
    }

    /** Writes {@code chart} to {@code file} (which must end in .png) at 144 DPI. */
    public static Path savePng(Chart<?, ?> chart, Path file) {
        return save(file, ".png", tmp -> BitmapEncoder.saveBitmapWithDPI(chart, tmp.toString(), BitmapEncoder.BitmapFormat.PNG, 144));
    }

    /** Writes {@code chart} to {@code file} (which must end in .svg). */
    public static Path saveSvg(Chart<?, ?> chart, Path file) {
        return save(file, ".svg", tmp -> VectorGraphicsEncoder.saveVectorGraphic(chart, tmp.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
    }

    /** Writes {@code chart} as {@code <name>.png} and {@code <name>.svg} in {@code dir}; returns {@code name}. */
    public static String savePngAndSvg(Chart<?, ?> chart, Path dir, String name) {
        savePng(chart, dir.resolve(name + ".png"));
        saveSvg(chart, dir.resolve(name + ".svg"));
        return name;
    }

    private interface Encoder {
        void encode(Path tmpWithoutExtension) throws IOException;
    }

    private static Path save(Path file, String extension, Encoder encoder) {
        String name = file.getFileName().toString();
        if (!name.endsWith(extension)) {
            throw new IllegalArgumentException(file + ": expected a file name ending in " + extension);
        }
        Path dir = file.toAbsolutePath().getParent();
        Path tmpBase = dir.resolve("." + name.substring(0, name.length() - extension.length()) + ".tmp");
        // The encoders append the extension themselves.
        Path tmp = dir.resolve(tmpBase.getFileName() + extension);
        try {
            Files.createDirectories(dir);
            encoder.encode(tmpBase);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // The original failure is the one worth reporting.
            }
            throw InvalidInputException.cannot("write the chart", file, e);
        }
    }
}
