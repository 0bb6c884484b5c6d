package org.cdbkit.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An I/O error reading the tool's input, told apart from errors writing its output, which the
 * originals report differently.
 */
public final class ReadFailure extends IOException {
    private static final long serialVersionUID = 1L;

    public ReadFailure(IOException cause) {
        super(cause.getMessage(), cause);
    }

    @Override
    public synchronized IOException getCause() {
        return (IOException) super.getCause();
    }

    /** Wraps a stream so that its read errors come out as ReadFailure. */
    public static InputStream tagging(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (IOException e) {
                    throw new ReadFailure(e);
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    return super.read(b, off, len);
                } catch (IOException e) {
                    throw new ReadFailure(e);
                }
            }
        };
    }
}
