package org.cdbkit.cdb;

import java.io.UncheckedIOException;

/** A {@link CdbFormatException} met while iterating, where checked exceptions cannot pass. */
public class CorruptCdbException extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    public CorruptCdbException(CdbFormatException cause) {
        super(cause.getMessage(), cause);
    }

    @Override
    public synchronized CdbFormatException getCause() {
        return (CdbFormatException) super.getCause();
    }
}
