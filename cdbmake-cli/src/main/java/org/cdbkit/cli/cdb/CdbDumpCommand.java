package org.cdbkit.cli.cdb;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;

import org.cdbkit.cdb.CdbSequentialReader;
import org.cdbkit.cdb.CdbWidth;
import org.cdbkit.cli.CdbFailures;
import org.cdbkit.cli.DjbOutput;
import org.cdbkit.cli.Program;
import org.cdbkit.cli.ToolIo;
import org.cdbkit.cli.ToolFailure;

/**
 * {@code cdbdump < db}: prints every record in cdbmake's format, in file order. Reads in
 * sequence, so standard input may be a pipe. On a truncated file it prints exactly what
 * freecdb prints: everything up to the last whole 1024-byte piece before the end. Of either
 * width: {@code cdb64dump} is this command on a cdb64 ({@link Cdb64DumpCommand}).
 */
public final class CdbDumpCommand implements Callable<Integer> {
    private final ToolIo io;

    private final List<String> arguments;

    private final CdbWidth width;

    public CdbDumpCommand(ToolIo io, List<String> arguments) {
        this(io, arguments, CdbWidth.CDB32);
    }

    CdbDumpCommand(ToolIo io, List<String> arguments, CdbWidth width) {
        this.io = io;
        this.arguments = arguments;
        this.width = width;
    }

    /** freecdb copies keys and data in pieces of this size. */
    private static final int PIECE = 1024;

    static String usage(CdbWidth width) {
        return Program.usage(ToolName.of("cdbdump", width), "");
    }

    @Override
    public Integer call() {
        if (!arguments.isEmpty()) {
            throw ToolFailure.usage(usage(width));
        }
        DjbOutput out = new DjbOutput(io.out());
        try {
            dump(new CdbSequentialReader(out.flushingBefore(io.in()), width), out);
        } catch (IOException e) {
            throw CdbFailures.reading(e);
        }
        out.flush();
        return 0;
    }

    static void dump(CdbSequentialReader in, DjbOutput out) throws IOException {
        byte[] piece = new byte[PIECE];
        in.readHeader();
        while (in.hasNextRecord()) {
            in.readRecordHeader();
            out.put("+" + in.keyLength() + "," + in.valueLength() + ":");
            copy(in, in.keyLength(), piece, out);
            out.put("->");
            copy(in, in.valueLength(), piece, out);
            out.put("\n");
        }
        out.put("\n");
    }

    private static void copy(CdbSequentialReader in, long length, byte[] piece, DjbOutput out) throws IOException {
        while (length > 0) {
            int n = (int) Math.min(PIECE, length);
            in.readFully(piece, 0, n);
            out.put(piece, 0, n);
            length -= n;
        }
    }
}
