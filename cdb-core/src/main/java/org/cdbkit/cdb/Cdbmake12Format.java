package org.cdbkit.cdb;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * cdb-0.75's cdbmake-12 input: one record per line, key and data as the first two fields
 * separated by blanks ({@code key data}); lines that are empty or start with {@code #} are
 * skipped, further fields ignored. The same records as cdb-0.75's awk script produces.
 */
public final class Cdbmake12Format {
    private Cdbmake12Format() {
    }

    /** Reads every line of {@code in} into {@code sink}; returns the number of records. */
    public static long readAll(InputStream in, RecordSink sink) throws IOException {
        AwkLines lines = new AwkLines(in);
        long records = 0;
        for (byte[] line = lines.next(); line != null; line = lines.next()) {
            if (line.length == 0 || line[0] == '#') {
                continue;
            }
            List<byte[]> fields = AwkLines.fields(line, 0, line.length);
            byte[] key = fields.size() > 0 ? fields.get(0) : new byte[0];
            byte[] data = fields.size() > 1 ? fields.get(1) : new byte[0];
            Records.add(sink, key, data);
            records++;
        }
        return records;
    }
}
