package org.cdbkit.cdb;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Lines of bytes, split at newlines as djb's getln splits them: each line with its newline,
 * a last line without one still a line. One array is reused from line to line.
 */
public final class LineReader {
    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int next;
    private int end;
    private byte[] line = new byte[256];

    public LineReader(InputStream in) {
        this.in = in;
    }

    /** Reads the next line into {@link #line()}; returns its length, newline included, or -1 at the end. */
    public int next() throws IOException {
        int length = 0;
        for (;;) {
            if (next == end) {
                int n = in.read(buffer, 0, buffer.length);
                if (n <= 0) {
                    return length == 0 ? -1 : length;
                }
                next = 0;
                end = n;
            }
            int start = next;
            while (next < end && buffer[next] != '\n') {
                next++;
            }
            boolean newline = next < end;
            if (newline) {
                next++;
            }
            int n = next - start;
            if (length + n > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
            }
            System.arraycopy(buffer, start, line, length, n);
            length += n;
            if (newline) {
                return length;
            }
        }
    }

    /** The line last read, in its first {@code next()} bytes; overwritten by the next read. */
    public byte[] line() {
        return line;
    }
}
