package org.cdbkit.cli.cdb;

import java.util.List;
import java.util.concurrent.Callable;

import org.cdbkit.cdb.CdbmakeTextReader;
import org.cdbkit.cli.ReadAhead;
import org.cdbkit.cli.Program;
import org.cdbkit.cli.ToolIo;
import org.cdbkit.cli.ToolFailure;

/** {@code cdbmake cdb cdb.tmp}: builds a cdb from cdbmake text on standard input, atomically. */
public final class CdbMakeCommand implements Callable<Integer> {
    private final ToolIo io;

    private final List<String> arguments;

    public CdbMakeCommand(ToolIo io, List<String> arguments) {
        this.io = io;
        this.arguments = arguments;
    }

    static String usage() {
        return Program.usage("cdbmake", "cdb cdb.tmp");
    }

    /** cdbmake takes exactly two non-empty arguments: the names (byte strings) of the cdb and its temporary file. */
    static String[] targets(List<String> arguments) {
        if (arguments.size() != 2 || arguments.get(0).isEmpty() || arguments.get(1).isEmpty()) {
            throw ToolFailure.usage(usage());
        }
        return new String[] {arguments.get(0), arguments.get(1)};
    }

    @Override
    public Integer call() {
        String[] files = targets(arguments);
        // the input is read ahead on the second core while this one parses and hashes
        CdbBuild.build(files[0], files[1], sink -> {
            try (ReadAhead in = new ReadAhead(io.in())) {
                new CdbmakeTextReader(in).readAll(sink);
            }
        });
        return 0;
    }
}
