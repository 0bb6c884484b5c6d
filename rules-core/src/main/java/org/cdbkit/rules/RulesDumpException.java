package org.cdbkit.rules;

import java.io.IOException;

/** A record of a rules database that no rules line compiles to: carries its number and why. */
public class RulesDumpException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long recordNumber;

    public RulesDumpException(long recordNumber, String reason) {
        super("record " + recordNumber + ": " + reason);
        this.recordNumber = recordNumber;
    }

    /** 1-based, in file order. */
    public long recordNumber() {
        return recordNumber;
    }
}
