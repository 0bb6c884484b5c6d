package org.cdbkit.cdb;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

import org.cdbkit.cdb.CdbmakeFormatException.Problem;

/**
 * Reads cdbmake's text format as a stream: {@code +klen,dlen:key->data} and a newline per
 * record, then an empty line. Binary-safe: key and data are taken by length, so they may hold
 * any byte. Records are handed to a {@link RecordSink} in pieces, so they need not fit in
 * memory. Checks come in cdbmake's order, and anything after the final empty line is not
 * read, as cdbmake does not read it. Empty lengths count as 0, as in cdbmake.
 */
public final class CdbmakeTextReader {
    private static final int BUFFER_SIZE = 1 << 16;
    /** cdbmake refuses to add a digit to a length above this, keeping it within 32 bits. */
    private static final long LAST_SAFE_LENGTH = 429496720L;

    private final InputStream in;
    private final byte[] buffer;
    private int next;
    private int end;
    /** Bytes consumed before buffer[0]. */
    private long consumedBefore;
    private long newlinesBefore;
    private long completed;

    public CdbmakeTextReader(InputStream in) {
        this(Objects.requireNonNull(in, "in"), BUFFER_SIZE);
    }

    CdbmakeTextReader(InputStream in, int bufferSize) {
        this.in = in;
        this.buffer = new byte[bufferSize];
    }

    /** Reads every record up to the final empty line into {@code sink}; returns the count. */
    public long readAll(RecordSink sink) throws IOException {
        Objects.requireNonNull(sink, "sink");
        for (;;) {
            int c = read();
            if (c == '\n') {
                return completed;
            }
            if (c != '+') {
                throw error(c, Problem.MISSING_PLUS);
            }
            long keyLength = number(',', Problem.BAD_KEY_LENGTH);
            long valueLength = number(':', Problem.BAD_DATA_LENGTH);
            // A record too large for the format is reported where cdbmake notices it: after its
            // data, so a record that is also cut short or malformed is reported as that first.
            CdbTooLargeException tooLarge = null;
            try {
                sink.beginRecord(keyLength, valueLength);
            } catch (CdbTooLargeException e) {
                tooLarge = e;
            }
            copy(keyLength, tooLarge == null ? sink : null, true);
            expect('-', Problem.MISSING_ARROW);
            expect('>', Problem.MISSING_ARROW);
            copy(valueLength, tooLarge == null ? sink : null, false);
            if (tooLarge != null) {
                throw tooLarge;
            }
            expect('\n', Problem.MISSING_NEWLINE);
            sink.endRecord();
            completed++;
        }
    }

    private long number(char terminator, Problem problem) throws IOException {
        long n = 0;
        for (;;) {
            int c = read();
            if (c == terminator) {
                return n;
            }
            if (c < '0' || c > '9') {
                throw error(c, problem);
            }
            if (n > LAST_SAFE_LENGTH) {
                throw error(c, Problem.LENGTH_TOO_LARGE);
            }
            n = n * 10 + (c - '0');
        }
    }

    /** Passes {@code length} bytes to the sink as key or value bytes; a null sink skips them. */
    private void copy(long length, RecordSink sink, boolean isKey) throws IOException {
        while (length > 0) {
            if (next == end && !fill()) {
                throw error(-1, Problem.END_OF_INPUT);
            }
            int n = (int) Math.min(length, end - next);
            countNewlines(next, n);
            if (sink == null) {
                // skipping a record that cannot be stored
            } else if (isKey) {
                sink.key(buffer, next, n);
            } else {
                sink.value(buffer, next, n);
            }
            next += n;
            length -= n;
        }
    }

    private void expect(char wanted, Problem problem) throws IOException {
        int c = read();
        if (c != wanted) {
            throw error(c, problem);
        }
    }

    private int read() throws IOException {
        if (next == end && !fill()) {
            return -1;
        }
        byte b = buffer[next++];
        if (b == '\n') {
            newlinesBefore++;
        }
        return b & 0xff;
    }

    private boolean fill() throws IOException {
        consumedBefore += end;
        next = 0;
        end = 0;
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        end = n;
        return true;
    }

    private void countNewlines(int from, int length) {
        for (int i = from, stop = from + length; i < stop; i++) {
            if (buffer[i] == '\n') {
                newlinesBefore++;
            }
        }
    }

    private CdbmakeFormatException error(int c, Problem problem) {
        if (c < 0) {
            problem = Problem.END_OF_INPUT;
        }
        // the offending byte was consumed (unless at end of input): point at it
        long offset = consumedBefore + next - (c < 0 ? 0 : 1);
        long line = newlinesBefore + 1 - (c == '\n' ? 1 : 0);
        return new CdbmakeFormatException(problem, completed + 1, line, offset);
    }
}
