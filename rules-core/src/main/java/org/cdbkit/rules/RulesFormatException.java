package org.cdbkit.rules;

import java.io.IOException;

/** A rules line tcprules cannot parse: carries the line number and the line (trailing blanks trimmed). */
public class RulesFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long lineNumber;
    private final String line;
    private final String reason;

    public RulesFormatException(long lineNumber, String line) {
        this(lineNumber, line, null);
    }

    /** A line refused for {@code reason} (tcprules --cidr: a prefix it cannot compile), or null. */
    public RulesFormatException(long lineNumber, String line, String reason) {
        super("line " + lineNumber + ": unable to parse this line: " + line
                + (reason == null ? "" : " (" + reason + ")"));
        this.lineNumber = lineNumber;
        this.line = line;
        this.reason = reason;
    }

    /** Why the line was refused, beyond tcprules' own syntax; null for a line tcprules itself refuses. */
    public String reason() {
        return reason;
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
