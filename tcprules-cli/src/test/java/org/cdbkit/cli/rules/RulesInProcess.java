package org.cdbkit.cli.rules;

import java.nio.file.Path;
import java.util.Map;

import org.cdbkit.cli.InProcessIo;
import org.cdbkit.cli.ToolTable;
import org.cdbkit.testing.Oracle;

/** Runs tcprules or tcprulescheck in this JVM. */
final class RulesInProcess {
    private RulesInProcess() {
    }

    static Oracle.Result run(Path stdin, Map<String, String> env, String tool, String... args) {
        InProcessIo io = new InProcessIo(stdin, false, env);
        return io.result(ToolTable.run(io, tool, args));
    }
}
