package org.cdbkit.cli.rules;

import java.util.List;

import org.cdbkit.cli.ArgumentBytes;
import org.cdbkit.cli.StandardStreams;
import org.cdbkit.cli.ToolIo;
import org.cdbkit.cli.ToolProcess;
import org.cdbkit.cli.ToolRunner;

/** The rules tools by name: each tool's main, and tests, run them through here. */
public final class RulesTools {
    private RulesTools() {
    }

    /** Runs tool {@code name} on {@code io}; {@code args} are byte strings (see {@link ArgumentBytes}). */
    public static int run(ToolIo io, String name, String... args) {
        switch (name) {
            case "tcprules":
                return ToolRunner.execute(io, name, new TcpRulesCommand(io, List.of(args)));
            case "tcprulescheck":
                return ToolRunner.execute(io, name, new TcpRulesCheckCommand(io, List.of(args)));
            default:
                throw new IllegalArgumentException("no such tool: " + name);
        }
    }

    static void main(String name, String[] args) {
        ToolProcess.exit(name, () -> run(StandardStreams.system(), name, ArgumentBytes.strings(args)));
    }
}
