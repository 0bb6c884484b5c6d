package org.cdbkit.cli;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * The one entry point of every tool. bin/.launcher runs {@code Main CLASS SAYS ARGS...} from
 * the tool's line of bin/.tools: CLASS is the command, SAYS the name its messages begin with.
 * The arguments reach the command as argv's bytes ({@link ArgumentBytes}); the process ends as
 * {@link ToolProcess} says.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("cdbkit: usage: Main CLASS SAYS [ARGS...] (run the tools through bin/)");
            System.exit(ToolFailure.PERMANENT);
        }
        String says = args[1];
        List<String> arguments = Arrays.asList(ArgumentBytes.strings(args)).subList(2, args.length);
        ToolProcess.exit(says, new Run(args[0], says, arguments));
    }

    /** The tool's run. A class of its own, not a lambda: a lambda's first call costs start-up. */
    private static final class Run implements IntSupplier {
        private final String command;
        private final String says;
        private final List<String> arguments;

        Run(String command, String says, List<String> arguments) {
            this.command = command;
            this.says = says;
            this.arguments = arguments;
        }

        @Override
        public int getAsInt() {
            return ToolRunner.run(StandardStreams.system(), command, says, arguments);
        }
    }
}
