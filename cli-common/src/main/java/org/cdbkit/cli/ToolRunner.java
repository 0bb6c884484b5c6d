package org.cdbkit.cli;

import java.io.IOException;
import java.util.concurrent.Callable;

/**
 * Runs one of the originals' tools: none of them parses options, so arguments reach the
 * command as they are (keys may start with a dash; {@code --} and {@code --help} are
 * arguments), with no option parser to start up. A failure prints {@code NAME: fatal: ...} (or
 * the original's usage message) and exits with its code.
 */
public final class ToolRunner {
    private ToolRunner() {
    }

    /** Runs {@code command}; returns its exit code. */
    public static int execute(ToolIo io, String program, Callable<Integer> command) {
        try {
            return command.call();
        } catch (ToolFailure failure) {
            String line = failure.line(program);
            if (line != null) {
                io.err().println(line);
            }
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
