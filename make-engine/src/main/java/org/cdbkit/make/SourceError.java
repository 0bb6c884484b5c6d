package org.cdbkit.make;

import java.io.IOException;

/** A source (or the Makefile) is wrong: {@code FILE:LINE: message}. */
public class SourceError extends IOException {
    private static final long serialVersionUID = 1L;

    public SourceError(String file, long line, String message, Throwable cause) {
        super(file + ":" + line + ": " + message, cause);
    }

    public SourceError(String file, long line, String message) {
        this(file, line, message, null);
    }

    public SourceError(String message) {
        super(message);
    }

    /** No source of a target exists. */
    static SourceError noSource(BuildTarget t) {
        var names = t.sourceNames();
        if (names.size() == 1) {
            return new SourceError(t.name() + ": no source: " + names.get(0) + " does not exist");
        }
        return new SourceError(t.name() + ": no source: none of " + String.join(", ", names) + " exists");
    }
}
