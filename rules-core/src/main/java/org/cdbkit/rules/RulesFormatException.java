package org.cdbkit.rules;

import java.io.IOException;

/**
 * A rules line tcprules cannot parse: carries the line number, the line (trailing blanks
 * trimmed) and what is wrong with it, as the dialect's tcprules words it.
 */
public class RulesFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long lineNumber;
    private final String line;
    private final String reason;

    public RulesFormatException(long lineNumber, String line) {
        this(lineNumber, line, "unable to parse this line");
    }

    /** {@code reason} is the text tcprules prints before the line, without its {@code ": "}. */
    public RulesFormatException(long lineNumber, String line, String reason) {
        super("line " + lineNumber + ": " + reason + ": " + line);
        this.lineNumber = lineNumber;
        this.line = line;
        this.reason = reason;
    }

    /** What is wrong, as tcprules says it before the line: "unable to parse this line" and the like. */
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
