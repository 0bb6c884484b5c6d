package org.cdbkit.cli.cdb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cdbkit.cdb.MappedInput;
import org.cdbkit.cli.ReadFailure;
import org.cdbkit.cli.ToolIo;
import org.cdbkit.testing.Oracle;

/** Runs a cdb tool in this JVM with standard input from a file (or a pipe-like stream). */
final class InProcess implements ToolIo {
    private final Path stdin;
    private final boolean pipe;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.ISO_8859_1);

    private InProcess(Path stdin, boolean pipe) {
        this.stdin = stdin;
        this.pipe = pipe;
    }

    /** Runs {@code tool args < stdin}; {@code stdin} null means empty input. */
    static Oracle.Result run(Path stdin, String tool, String... args) {
        return run(stdin, false, tool, args);
    }

    /** As {@link #run}, with standard input behaving as a pipe: readable, not mappable. */
    static Oracle.Result runPiped(Path stdin, String tool, String... args) {
        return run(stdin, true, tool, args);
    }

    private static Oracle.Result run(Path stdin, boolean pipe, String tool, String... args) {
        InProcess io = new InProcess(stdin, pipe);
        byte[][] bytes = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            bytes[i] = args[i].getBytes(StandardCharsets.ISO_8859_1);
        }
        int code = CdbTools.run(io, tool, bytes, args);
        return new Oracle.Result(code, io.out.toByteArray(), io.err.toByteArray());
    }

    @Override
    public InputStream in() {
        try {
            return ReadFailure.tagging(stdin == null ? InputStream.nullInputStream() : Files.newInputStream(stdin));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
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
}
