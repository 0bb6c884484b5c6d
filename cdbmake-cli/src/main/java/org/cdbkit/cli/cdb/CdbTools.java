package org.cdbkit.cli.cdb;

import java.util.List;

import org.cdbkit.cli.ArgumentBytes;
import org.cdbkit.cli.StandardStreams;
import org.cdbkit.cli.ToolIo;
import org.cdbkit.cli.ToolProcess;
import org.cdbkit.cli.ToolRunner;

/** The cdb tools by name: each tool's main, and tests, run them through here. */
public final class CdbTools {
    private CdbTools() {
    }

    /**
     * Runs tool {@code name} on {@code io}; returns its exit code. {@code args} are byte strings:
     * argv's bytes, one char per byte (see {@link ArgumentBytes}).
     */
    public static int run(ToolIo io, String name, String... args) {
        switch (name) {
            case "cdbmake":
                return ToolRunner.execute(io, name, new CdbMakeCommand(io, List.of(args)));
            case "cdbmake-12":
                return ToolRunner.execute(io, "cdbmake", new CdbMake12Command(io, List.of(args)));
            case "cdbmake-sv":
                return ToolRunner.execute(io, "cdbmake", new CdbMakeSvCommand(io, List.of(args)));
            case "cdbdump":
                return ToolRunner.execute(io, name, new CdbDumpCommand(io, List.of(args)));
            case "cdbget":
                return ToolRunner.execute(io, name, new CdbGetCommand(io, List.of(args)));
            case "cdbstats":
                return ToolRunner.execute(io, name, new CdbStatsCommand(io, List.of(args)));
            case "cdbtest":
                return ToolRunner.execute(io, name, new CdbTestCommand(io));
            default:
                throw new IllegalArgumentException("no such tool: " + name);
        }
    }

    /** Runs a tool as the process and exits with its code. */
    static void main(String name, String[] args) {
        ToolProcess.exit(name.startsWith("cdbmake") ? "cdbmake" : name,
                () -> run(StandardStreams.system(), name, ArgumentBytes.strings(args)));
    }
}
