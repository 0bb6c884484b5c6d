package org.cdbkit.cdb;

import java.io.IOException;

/**
 * The cdbmake text input ({@code +klen,dlen:key->data}) is malformed. Carries what is wrong
 * and where: the entry (record) number, the line (counting every newline byte before the
 * error, keys and data included) and the byte offset.
 */
public class CdbmakeFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** What can be wrong, in the order cdbmake checks a record. */
    public enum Problem {
        END_OF_INPUT("the input ends inside a record or before the final empty line"),
        MISSING_PLUS("a record must start with '+'"),
        BAD_KEY_LENGTH("the key length must be digits followed by ','"),
        BAD_DATA_LENGTH("the data length must be digits followed by ':'"),
        LENGTH_TOO_LARGE("a length is over the 4 GiB limit"),
        MISSING_ARROW("the key must be followed by '->'"),
        MISSING_NEWLINE("the data must be followed by a newline");

        private final String description;

        Problem(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final Problem problem;
    private final long entry;
    private final long line;
    private final long offset;

    public CdbmakeFormatException(Problem problem, long entry, long line, long offset) {
        super("entry " + entry + ", line " + line + ", byte " + offset + ": " + problem.description());
        this.problem = problem;
        this.entry = entry;
        this.line = line;
        this.offset = offset;
    }

    public Problem problem() {
        return problem;
    }

    /** The 1-based number of the record being read (one past the last for a missing end). */
    public long entry() {
        return entry;
    }

    public long line() {
        return line;
    }

    public long offset() {
        return offset;
    }
}
