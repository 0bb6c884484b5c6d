package org.cdbkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;

import org.cdbkit.cdb.MappedInput;

/**
 * A tool's standard streams. The tools read and write only through this, so tests can run
 * them in-process on files; {@link StandardStreams#system()} is the real thing.
 */
public interface ToolIo {
    /** Standard input as a raw stream; read errors come out as {@link ReadFailure}. */
    InputStream in();

    /**
     * Standard input mapped whole. What cannot be mapped (a pipe, a device) maps as empty, as
     * freecdb sees it: every lookup then fails as a read outside the file.
     */
    MappedInput mapIn() throws IOException;

    /** Standard output, unbuffered: {@link DjbOutput} buffers. */
    OutputStream out();

    PrintStream err();

    /** An environment variable as bytes (one char per byte), or null when unset. */
    String env(String name);
}
