package org.cdbkit.cli.cdb;

import java.util.List;
import java.util.concurrent.Callable;

import org.cdbkit.cdb.ServicesFormat;
import org.cdbkit.cli.ToolIo;

/** {@code cdbmake-sv cdb cdb.tmp}: builds a cdb of /etc/services (on standard input) for lookups by name and by port. */
public final class CdbMakeSvCommand implements Callable<Integer> {
    private final ToolIo io;

    private final List<String> arguments;

    public CdbMakeSvCommand(ToolIo io, List<String> arguments) {
        this.io = io;
        this.arguments = arguments;
    }

    @Override
    public Integer call() {
        String[] files = CdbMakeCommand.targets(arguments);
        CdbBuild.build(files[0], files[1], sink -> ServicesFormat.readAll(io.in(), sink));
        return 0;
    }
}
