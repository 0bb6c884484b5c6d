package org.cdbkit.cli.cdb;

import java.util.List;
import java.util.concurrent.Callable;

import org.cdbkit.cdb.CdbWidth;
import org.cdbkit.cdb.CdbmakeTextReader;
import org.cdbkit.cli.ReadAhead;
import org.cdbkit.cli.Program;
import org.cdbkit.cli.ToolIo;
import org.cdbkit.cli.ToolFailure;

/**
 * {@code cdbmake cdb cdb.tmp}: builds a cdb from cdbmake text on standard input, atomically. Of
 * either width: {@code cdb64make} is this command writing a cdb64 ({@link Cdb64MakeCommand}).
 */
public final class CdbMakeCommand implements Callable<Integer> {
    private final ToolIo io;

    private final List<String> arguments;

    private final CdbWidth width;

    public CdbMakeCommand(ToolIo io, List<String> arguments) {
        this(io, arguments, CdbWidth.CDB32);
    }

    CdbMakeCommand(ToolIo io, List<String> arguments, CdbWidth width) {
        this.io = io;
        this.arguments = arguments;
        this.width = width;
    }

    static String usage(CdbWidth width) {
        return Program.usage(ToolName.of("cdbmake", width), "cdb cdb.tmp");
    }

    /**
     * cdbmake takes exactly two non-empty arguments: the names (byte strings) of the cdb and its
     * temporary file; its converters take the same, and word a usage error as it does.
     */
    static String[] targets(List<String> arguments, CdbWidth width) {
        if (arguments.size() != 2 || arguments.get(0).isEmpty() || arguments.get(1).isEmpty()) {
            throw ToolFailure.usage(usage(width));
        }
        return new String[] {arguments.get(0), arguments.get(1)};
    }

    @Override
    public Integer call() {
        String[] files = targets(arguments, width);
        // the input is read ahead on the second core while this one parses and hashes
        CdbBuild.build(files[0], files[1], width, sink -> {
            try (ReadAhead in = new ReadAhead(io.in())) {
                new CdbmakeTextReader(in).readAll(sink);
            }
        });
        return 0;
    }
}
