package org.cdbkit.cdb;

import java.io.IOException;

/**
 * Adding a record would make the database pass the limit of its format: 4 GiB for a cdb
 * ({@link CdbWriter}), 2^63 - 1 bytes, the most a file can hold, for a cdb64
 * ({@link Cdb64Writer}). Thrown before anything of that record is written, so no corrupt file
 * can result.
 */
public class CdbTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    public CdbTooLargeException(String message) {
        super(message);
    }
}
