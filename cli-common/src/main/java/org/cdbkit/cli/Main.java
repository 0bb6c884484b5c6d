package org.cdbkit.cli;

import java.util.Arrays;
import java.util.List;

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
        ToolProcess.exit(says, () -> ToolRunner.run(StandardStreams.system(), args[0], says, arguments));
    }
}
