package org.cdbkit.make;

import java.io.IOException;

/**
 * Trouble reading or writing a file: what was being done, to which file ({@code unable to
 * create .ssh.cdb.cdbmake-all.TOKEN.tmp}), and the I/O error. The tools add the error's own words
 * as the other tools word them ({@code : access denied}).
 */
public final class BuildFailure extends IOException {
    private static final long serialVersionUID = 1L;

    public BuildFailure(String doing, IOException cause) {
        super(doing, cause);
    }

    /** What was being done, e.g. {@code unable to read ssh}. */
    public String doing() {
        return getMessage();
    }

    /** The I/O error. */
    public IOException ioError() {
        return (IOException) getCause();
    }
}
