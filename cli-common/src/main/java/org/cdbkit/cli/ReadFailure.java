package org.cdbkit.cli;

import java.io.IOException;
import java.io.InputStream;

import org.apache.commons.io.input.ProxyInputStream;

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

    /** Wraps a stream so that its errors come out as ReadFailure. */
    public static InputStream tagging(InputStream in) {
        return new ProxyInputStream(in) {
            @Override
            protected void handleIOException(IOException e) throws ReadFailure {
                throw new ReadFailure(e);
            }
        };
    }
}
