package org.cdbkit.cli;

import java.io.IOException;

import org.cdbkit.cdb.CdbFormatException;

/** The originals' words for a damaged database and for failed reads of standard input. */
public final class CdbFailures {
    private CdbFailures() {
    }

    /**
     * A failure reading a database: "truncated file" when, read in sequence, it ran short (or,
     * in cdbstats, a record could not be found again); "protocol error" for a read outside the
     * mapped file; otherwise the system's error.
     */
    public static ToolFailure reading(IOException e) {
        String text;
        if (e instanceof CdbFormatException f) {
            text = f.kind() == CdbFormatException.Kind.OUT_OF_RANGE ? "protocol error"
                    : "truncated file";
        } else {
            text = ErrorText.of(e instanceof ReadFailure r ? r.getCause() : e);
        }
        return ToolFailure.fatal(ToolFailure.TEMPORARY, "unable to read input: " + text, e);
    }
}
