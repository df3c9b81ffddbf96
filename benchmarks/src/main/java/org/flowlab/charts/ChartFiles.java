package org.flowlab.charts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.io.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Saves charts as PNG or SVG the way every Flowlab file is written ({@link AtomicFiles}), so an
 * interrupted run never leaves a half-drawn chart.
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
        void encode(Path temporary) throws IOException;
    }

    private static Path save(Path file, String extension, Encoder encoder) {
        if (!file.getFileName().toString().endsWith(extension)) {
            throw new IllegalArgumentException(file + ": expected a file name ending in " + extension);
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            // The temporary file keeps the extension, so the encoders add none of their own.
            AtomicFiles.writeThrough(file, temporary -> {
                encoder.encode(temporary);
                return null;
            });
            return file;
        } catch (IOException e) {
            throw InvalidInputException.cannot("write the chart", file, e);
        }
    }
}
