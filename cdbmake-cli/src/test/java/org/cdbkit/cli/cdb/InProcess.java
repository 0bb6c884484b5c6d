package org.cdbkit.cli.cdb;

import java.nio.file.Path;
import java.util.Map;

import org.cdbkit.cli.InProcessIo;
import org.cdbkit.cli.ToolTable;
import org.cdbkit.testing.Oracle;

/** Runs a cdb tool in this JVM with standard input from a file (or a pipe-like stream). */
final class InProcess {
    private InProcess() {
    }

    /** Runs {@code tool args < stdin}; {@code args} are byte strings; {@code stdin} null means empty input. */
    static Oracle.Result run(Path stdin, String tool, String... args) {
        return run(new InProcessIo(stdin, false, Map.of()), tool, args);
    }

    /** As {@link #run}, with standard input behaving as a pipe: readable, not mappable. */
    static Oracle.Result runPiped(Path stdin, String tool, String... args) {
        return run(new InProcessIo(stdin, true, Map.of()), tool, args);
    }

    private static Oracle.Result run(InProcessIo io, String tool, String... args) {
        return io.result(ToolTable.run(io, tool, args));
    }
}
