package org.cdbkit.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.Callable;

import picocli.CommandLine;

/**
 * Runs a picocli command the way djb's tools behave: arguments are taken literally (no
 * {@code @file} expansion, keys may start with a dash), bad usage prints the original's usage
 * line and exits 100, and a failure prints {@code NAME: fatal: ...} and exits with its code.
 */
public final class ToolRunner {
    private ToolRunner() {
    }

    /**
     * @param usageLine printed as it is on bad usage, e.g. {@code usage: cdbget key [skip]}
     * @param literalArguments true where any argument is data (a key), so even {@code --help}
     *        and {@code --} are arguments, not options
     */
    public static int execute(ToolIo io, String program, Callable<Integer> command, String usageLine,
            boolean literalArguments, String... args) {
        CommandLine cl = new CommandLine(command);
        cl.setExpandAtFiles(false);
        cl.setCommandName(program);
        if (literalArguments) {
            cl.setUnmatchedOptionsArePositionalParams(true);
            cl.setEndOfOptionsDelimiter("\0");
        }
        PrintStream err = io.err();
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println(usageLine);
            return ToolFailure.PERMANENT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            ToolFailure failure = ex instanceof ToolFailure ? (ToolFailure) ex
                    : ex instanceof IOException ? ToolFailure.fatal(ToolFailure.TEMPORARY, ErrorText.of((IOException) ex))
                    : null;
            if (failure == null) {
                throw ex;
            }
            err.println(failure.line(program));
            return failure.exitCode();
        });
        return cl.execute(args);
    }

    /** Runs and exits the JVM with the tool's exit code. */
    public static void main(String program, Callable<Integer> command, String usageLine, boolean literalArguments,
            String... args) {
        System.exit(execute(StandardStreams.system(), program, command, usageLine, literalArguments, args));
    }
}
