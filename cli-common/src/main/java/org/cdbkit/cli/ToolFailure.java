package org.cdbkit.cli;

/**
 * Ends a tool the way djb's tools end: {@code NAME: fatal: MESSAGE} on standard error and an
 * exit code (100 for bad usage or input, 111 for temporary trouble such as I/O).
 */
public final class ToolFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final int PERMANENT = 100;
    public static final int TEMPORARY = 111;
    /** What a shell reports for a process killed by SIGPIPE (128 + 13). */
    public static final int BROKEN_PIPE = 141;

    private final int exitCode;
    private final boolean usage;

    private ToolFailure(int exitCode, String message, boolean usage, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.usage = usage;
    }

    /** {@code NAME: fatal: message}, exit {@code exitCode}. */
    public static ToolFailure fatal(int exitCode, String message) {
        return new ToolFailure(exitCode, message, false, null);
    }

    public static ToolFailure fatal(int exitCode, String message, Throwable cause) {
        return new ToolFailure(exitCode, message, false, cause);
    }

    /** {@code text} printed as it is (the tool names itself in it), exit {@code exitCode}. */
    public static ToolFailure asIs(int exitCode, String text) {
        return new ToolFailure(exitCode, text, true, null);
    }

    /** The usage line, printed as it is, exit 100. */
    public static ToolFailure usage(String usageLine) {
        return new ToolFailure(PERMANENT, usageLine, true, null);
    }

    public int exitCode() {
        return exitCode;
    }

    /** The line to print on standard error, without its newline. */
    public String line(String program) {
        return usage ? getMessage() : program + ": fatal: " + getMessage();
    }
}
