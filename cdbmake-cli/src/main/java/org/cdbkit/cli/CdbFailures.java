package org.cdbkit.cli;

import org.cdbkit.cdb.CdbFormatException;

/** The originals' words for a damaged database and for failed reads. */
public final class CdbFailures {
    private CdbFailures() {
    }

    /**
     * A damaged database: "truncated file" when read in sequence ran short (or, in cdbstats, a
     * record could not be found again), "protocol error" for a read outside the mapped file.
     */
    public static ToolFailure of(CdbFormatException e) {
        String text = e.kind() == CdbFormatException.Kind.OUT_OF_RANGE ? "protocol error" : "truncated file";
        return ToolFailure.fatal(ToolFailure.TEMPORARY, "unable to read input: " + text, e);
    }

    public static ToolFailure of(ReadFailure e) {
        return ToolFailure.fatal(ToolFailure.TEMPORARY, "unable to read input: " + ErrorText.of(e.getCause()), e);
    }
}
