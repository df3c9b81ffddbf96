package org.flowlab.lessons.runner;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.flowlab.lessons.notebook.StreamOutput;

/**
 * What a cell prints, in the order it prints it. Snippets run in this JVM, so while a cell runs
 * {@code System.out} and {@code System.err} are pointed here (and {@code System.in} at nothing, so a
 * cell that reads input gets end of file instead of waiting forever).
 */
final class OutputCapture implements AutoCloseable {
    private final List<Chunk> chunks = new ArrayList<>();
    private final PrintStream oldOut = System.out;
    private final PrintStream oldErr = System.err;
    private final InputStream oldIn = System.in;

    private OutputCapture() {
    }

    /** Starts capturing; {@link #close} puts the streams back. */
    static OutputCapture start() {
        OutputCapture capture = new OutputCapture();
        System.setOut(new PrintStream(capture.stream(StreamOutput.STDOUT), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(capture.stream(StreamOutput.STDERR), true, StandardCharsets.UTF_8));
        System.setIn(InputStream.nullInputStream());
        return capture;
    }

    /** The printed text so far, consecutive writes to one stream joined into one output. */
    List<StreamOutput> outputs() {
        System.out.flush();
        System.err.flush();
        List<StreamOutput> outputs = new ArrayList<>();
        for (Chunk chunk : chunks) {
            String text = chunk.bytes.toString(StandardCharsets.UTF_8);
            if (!text.isEmpty()) {
                outputs.add(new StreamOutput(chunk.name, text));
            }
        }
        return outputs;
    }

    @Override
    public void close() {
        System.out.flush();
        System.err.flush();
        System.setOut(oldOut);
        System.setErr(oldErr);
        System.setIn(oldIn);
    }

    private OutputStream stream(String name) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                current(name).write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                current(name).write(b, off, len);
            }
        };
    }

    private ByteArrayOutputStream current(String name) {
        if (chunks.isEmpty() || !chunks.get(chunks.size() - 1).name.equals(name)) {
            chunks.add(new Chunk(name, new ByteArrayOutputStream()));
        }
        return chunks.get(chunks.size() - 1).bytes;
    }

    private record Chunk(String name, ByteArrayOutputStream bytes) {
    }
}
