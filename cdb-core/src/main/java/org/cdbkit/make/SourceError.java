package org.cdbkit.make;

import java.io.IOException;

/** A source cannot be compiled: {@code FILE:LINE: message}. */
public class SourceError extends IOException {
    private static final long serialVersionUID = 1L;

    public SourceError(String file, long line, String message, Throwable cause) {
        super(file + ":" + line + ": " + message, cause);
    }

    public SourceError(String message) {
        super(message);
    }
}
