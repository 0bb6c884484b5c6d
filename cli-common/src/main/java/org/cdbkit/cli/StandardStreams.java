package org.cdbkit.cli;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cdbkit.cdb.MappedInput;

/** The process's own standard streams, as the originals use them. */
public final class StandardStreams implements ToolIo {
    private static final Path STDIN = Path.of("/dev/stdin");
    private static final StandardStreams SYSTEM = new StandardStreams();

    private final PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true,
            StandardCharsets.ISO_8859_1);

    private StandardStreams() {
    }

    public static ToolIo system() {
        return SYSTEM;
    }

    @Override
    public InputStream in() {
        return ReadFailure.tagging(new FileInputStream(FileDescriptor.in));
    }

    @Override
    public MappedInput mapIn() throws IOException {
        if (!Files.exists(STDIN)) {
            throw new ReadFailure(new IOException("Bad file descriptor"));
        }
        if (Files.isDirectory(STDIN)) {
            throw new ReadFailure(new IOException("Is a directory"));
        }
        if (!Files.isRegularFile(STDIN)) {
            return MappedInput.empty();
        }
        // not closed: closing the channel would close file descriptor 0
        FileChannel channel = new FileInputStream(FileDescriptor.in).getChannel();
        return MappedInput.map(channel);
    }

    @Override
    public OutputStream out() {
        return ToolProcess.standardOutput(); // a reader gone away ends the process, as SIGPIPE would
    }

    @Override
    public PrintStream err() {
        return err;
    }

    @Override
    public String env(String name) {
        return RawEnvironment.get(name);
    }
}
