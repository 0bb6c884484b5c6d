package org.cdbkit.cdb;

import java.io.IOException;

/**
 * A cdb file is corrupt, truncated or hostile: the message names what is wrong and where, and
 * {@link #kind()} says which of the three ways it went wrong.
 */
public class CdbFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** How a database is broken; the tools word each differently, as the originals do. */
    public enum Kind {
        /** A position or length read from the file points outside it. */
        OUT_OF_RANGE,
        /** Read in sequence, the file ends before its header or records do. */
        TRUNCATED,
        /** A record is in the file, but its key does not lead to it through the hash tables. */
        NOT_INDEXED
    }

    private final Kind kind;

    public CdbFormatException(String message) {
        this(Kind.OUT_OF_RANGE, message);
    }

    public CdbFormatException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
