package org.cdbkit.rules;

import java.io.IOException;

/** A rules line tcprules cannot parse: carries the line number and the line (trailing blanks trimmed). */
public class RulesFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long lineNumber;
    private final String line;

    public RulesFormatException(long lineNumber, String line) {
        super("line " + lineNumber + ": unable to parse this line: " + line);
        this.lineNumber = lineNumber;
        this.line = line;
    }

    /** 1-based, counting every line of the input, comments and blank lines included. */
    public long lineNumber() {
        return lineNumber;
    }

    /** The line as tcprules prints it: one char per byte (ISO-8859-1), trailing blanks removed. */
    public String line() {
        return line;
    }
}
