package org.cdbkit.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.cdbkit.cdb.MappedInput;
import org.cdbkit.testing.Oracle;

/**
 * Standard streams for a tool run inside a test's JVM: input from a file (or behaving as a
 * pipe: readable, not mappable), output and errors captured, an environment of its own.
 */
public final class InProcessIo implements ToolIo {
    private final Path stdin;
    private final boolean pipe;
    private final Map<String, String> env;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.ISO_8859_1);

    /** {@code stdin} null means empty input; {@code env} values are bytes, one char per byte. */
    public InProcessIo(Path stdin, boolean pipe, Map<String, String> env) {
        this.stdin = stdin;
        this.pipe = pipe;
        this.env = env;
    }

    /** What the tool did, given its exit code. */
    public Oracle.Result result(int exitCode) {
        return new Oracle.Result(exitCode, out.toByteArray(), err.toByteArray());
    }

    @Override
    public InputStream in() {
        try {
            return ReadFailure.tagging(stdin == null ? InputStream.nullInputStream() : Files.newInputStream(stdin));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public MappedInput mapIn() throws IOException {
        return pipe || stdin == null ? MappedInput.empty() : MappedInput.map(stdin);
    }

    @Override
    public OutputStream out() {
        return out;
    }

    @Override
    public PrintStream err() {
        return errStream;
    }

    @Override
    public String env(String name) {
        return env.get(name);
    }
}
