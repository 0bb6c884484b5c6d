package org.cdbkit.cli.cdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

import org.cdbkit.cdb.CdbDatabase;
import org.cdbkit.cdb.CdbFinder;
import org.cdbkit.cdb.CdbFormatException;
import org.cdbkit.cdb.CdbWidth;
import org.cdbkit.cdb.MappedInput;
import org.cdbkit.cli.CdbFailures;
import org.cdbkit.cli.DjbOutput;
import org.cdbkit.cli.Program;
import org.cdbkit.cli.ToolIo;
import org.cdbkit.cli.ToolFailure;

/**
 * {@code cdbget key [skip] < db}: prints the data of the first record with the key (after
 * skipping {@code skip} of them), without a newline; exits 100 when there is none. Of either
 * width: {@code cdb64get} is this command on a cdb64 ({@link Cdb64GetCommand}).
 */
public final class CdbGetCommand implements Callable<Integer> {
    /** freecdb copies the data in pieces of this size, each checked against the file. */
    private static final int PIECE = 1024;

    private final ToolIo io;

    private final List<String> arguments;

    private final CdbWidth width;

    /** {@code arguments} are byte strings (one char per byte), so a key is the bytes of argv. */
    public CdbGetCommand(ToolIo io, List<String> arguments) {
        this(io, arguments, CdbWidth.CDB32);
    }

    CdbGetCommand(ToolIo io, List<String> arguments, CdbWidth width) {
        this.io = io;
        this.arguments = arguments;
        this.width = width;
    }

    static String usage(CdbWidth width) {
        return Program.usage(ToolName.of("cdbget", width), "key [skip]");
    }

    @Override
    public Integer call() {
        if (arguments.isEmpty() || arguments.size() > 2 || arguments.get(0).isEmpty()) {
            throw ToolFailure.usage(usage(width));
        }
        byte[] key = arguments.get(0).getBytes(StandardCharsets.ISO_8859_1);
        long skip = arguments.size() == 2 ? parseSkip(arguments.get(1)) : 0;
        DjbOutput out = new DjbOutput(io.out());
        try (MappedInput input = io.mapIn(); CdbDatabase reader = MappedDatabase.openUnchecked(input, width)) {
            CdbFinder finder = reader.find(key);
            for (;;) {
                if (!finder.next()) {
                    return ToolFailure.PERMANENT;
                }
                if (skip == 0) {
                    break;
                }
                skip--; // unsigned: a skip past 2^63 counts down the same way
            }
            copy(input, finder.valuePosition(), finder.valueLength(), out);
        } catch (IOException e) {
            throw CdbFailures.reading(e);
        }
        out.flush();
        return 0;
    }

    /** Digits only (none means 0), as a 64-bit unsigned number that wraps, as freecdb reads it. */
    private long parseSkip(String text) {
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw ToolFailure.usage(usage(width));
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static void copy(MappedInput input, long position, long length, DjbOutput out)
            throws CdbFormatException {
        byte[] piece = new byte[PIECE];
        while (length > 0) {
            int n = (int) Math.min(PIECE, length);
            if (position + n > input.length()) {
                throw new CdbFormatException("data at " + position + " runs past the end of the file ("
                        + input.length() + " bytes)");
            }
            input.readBytes(position, piece, 0, n);
            out.put(piece, 0, n);
            position += n;
            length -= n;
        }
    }
}
