package org.cdbkit.cdb;

import java.io.IOException;

/**
 * Adding a record would make the database pass the 4 GiB limit of the format. Thrown before
 * anything of that record is written, so no corrupt file can result.
 */
public class CdbTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    public CdbTooLargeException(String message) {
        super(message);
    }
}
