package org.cdbkit.cli.cdb;

import java.util.List;
import java.util.concurrent.Callable;

import org.cdbkit.cdb.CdbWidth;
import org.cdbkit.cdb.ServicesFormat;
import org.cdbkit.cli.ToolIo;

/**
 * {@code cdbmake-sv cdb cdb.tmp}: builds a cdb of /etc/services (on standard input) for lookups
 * by name and by port. Of either width: {@code cdb64make-sv} is this command writing a cdb64
 * ({@link Cdb64MakeSvCommand}).
 */
public final class CdbMakeSvCommand implements Callable<Integer> {
    private final ToolIo io;

    private final List<String> arguments;

    private final CdbWidth width;

    public CdbMakeSvCommand(ToolIo io, List<String> arguments) {
        this(io, arguments, CdbWidth.CDB32);
    }

    CdbMakeSvCommand(ToolIo io, List<String> arguments, CdbWidth width) {
        this.io = io;
        this.arguments = arguments;
        this.width = width;
    }

    @Override
    public Integer call() {
        String[] files = CdbMakeCommand.targets(arguments, width);
        CdbBuild.build(files[0], files[1], width, sink -> ServicesFormat.readAll(io.in(), sink));
        return 0;
    }
}
