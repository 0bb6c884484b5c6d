package org.cdbkit.cli.all;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

import org.cdbkit.cli.ToolIo;

/**
 * cdbmake-all as the runtime runs every tool (bin/.tools): on a {@link ToolIo}, its arguments
 * as byte strings. The options are picocli's business ({@link CdbMakeAllCommand}); names are
 * printed as their bytes.
 */
public final class CdbMakeAllTool implements Callable<Integer> {
    private final ToolIo io;
    private final List<String> arguments;

    public CdbMakeAllTool(ToolIo io, List<String> arguments) {
        this.io = io;
        this.arguments = arguments;
    }

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(io.out(), true, StandardCharsets.ISO_8859_1);
        return CdbMakeAllCommand.run(out, io.err(), arguments.toArray(new String[0]));
    }
}
