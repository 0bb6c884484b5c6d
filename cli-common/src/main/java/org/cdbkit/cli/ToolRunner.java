package org.cdbkit.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Runs a tool's command on its streams. The originals' tools parse no options, so arguments
 * reach the command as they are (keys may start with a dash; {@code --} and {@code --help} are
 * arguments), with no option parser to start up; cdbmake-all parses its own with picocli. A
 * failure prints {@code NAME: fatal: ...} (or the original's usage message) and ends with its
 * code. The process and the tests both run tools through here.
 */
public final class ToolRunner {
    private ToolRunner() {
    }

    /**
     * Runs the command of class {@code commandClass} (a {@code Callable<Integer>} made from a
     * {@link ToolIo} and the arguments, as byte strings) as the tool that says {@code program}
     * in its messages; returns its exit code.
     */
    public static int run(ToolIo io, String commandClass, String program, List<String> arguments) {
        Callable<Integer> command;
        try {
            command = Class.forName(commandClass).asSubclass(Callable.class)
                    .getConstructor(ToolIo.class, List.class).newInstance(io, arguments);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("no tool " + commandClass + " (bin/.tools names it)", e);
        }
        return execute(io, program, command);
    }

    /** Runs {@code command}; returns its exit code. */
    public static int execute(ToolIo io, String program, Callable<Integer> command) {
        try {
            return command.call();
        } catch (ToolFailure failure) {
            io.err().println(failure.line(program));
            return failure.exitCode();
        } catch (IOException e) {
            io.err().println(program + ": fatal: " + ErrorText.of(e));
            return ToolFailure.TEMPORARY;
        } catch (RuntimeException e) {
            throw e; // a bug: ToolProcess words it
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
