package org.cdbkit.cli;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cdbkit.cdb.MappedInput;

/**
 * The process's standard input as the originals use it: read in sequence, or mapped whole
 * when it is a regular file.
 */
public final class StandardStreams {
    private static final Path STDIN = Path.of("/dev/stdin");

    private StandardStreams() {
    }

    /** Standard input as a raw stream; read errors come out as {@link ReadFailure}. */
    public static InputStream in() {
        return ReadFailure.tagging(new FileInputStream(FileDescriptor.in));
    }

    /** Standard input, flushing {@code out} before every read as djb's buffered input does. */
    public static InputStream inFlushing(DjbOutput out) {
        return new FilterInputStream(in()) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                out.flushBeforeRead();
                return super.read(b, off, len);
            }
        };
    }

    /**
     * Standard input mapped whole. What cannot be mapped (a pipe, a device) maps as empty, as
     * freecdb sees it: every lookup then fails as a read outside the file.
     */
    public static MappedInput mapIn() throws IOException {
        if (!Files.exists(STDIN)) {
            throw new ReadFailure(new IOException("Bad file descriptor"));
        }
        if (Files.isDirectory(STDIN)) {
            throw new ReadFailure(new IOException("Is a directory"));
        }
        FileChannel channel = new FileInputStream(FileDescriptor.in).getChannel();
        try {
            if (!Files.isRegularFile(STDIN)) {
                return MappedInput.empty();
            }
            return MappedInput.map(channel);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("Bad file descriptor")) {
                throw new ReadFailure(e);
            }
            return MappedInput.empty();
        }
    }
}
