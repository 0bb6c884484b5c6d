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

    /** Neither source of a target exists. */
    static SourceError noSource(BuildTarget t) {
        String base = t.name().substring(0, t.name().length() - ".cdb".length());
        return new SourceError(t.name() + ": no source: neither " + base + " nor " + base + ".cdbmake exists");
    }
}
