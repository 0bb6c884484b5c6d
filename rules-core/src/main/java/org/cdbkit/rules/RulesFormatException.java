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
    private final String detail;

    public RulesFormatException(long lineNumber, String line) {
        this(lineNumber, line, "unable to parse this line");
    }

    /** {@code reason} is the text tcprules prints before the line, without its {@code ": "}. */
    public RulesFormatException(long lineNumber, String line, String reason) {
        this(lineNumber, line, reason, null);
    }

    private RulesFormatException(long lineNumber, String line, String reason, String detail) {
        super("line " + lineNumber + ": " + reason + ": " + line + (detail == null ? "" : " (" + detail + ")"));
        this.lineNumber = lineNumber;
        this.line = line;
        this.reason = reason;
        this.detail = detail;
    }

    /**
     * A line tcprules itself would take, refused by one of our extensions (tcprules --cidr: a
     * prefix it cannot compile exactly) for {@code detail}.
     */
    public static RulesFormatException refused(long lineNumber, String line, String detail) {
        return new RulesFormatException(lineNumber, line, "unable to parse this line", detail);
    }

    /** Why one of our extensions refused the line (see {@link #refused}), or null. */
    public String detail() {
        return detail;
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
