package org.cdbkit.cdb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lines and fields as awk sees them under the C locale: a line is the bytes up to a newline
 * (a last line without one still counts); fields are separated by runs of spaces and tabs,
 * with leading and trailing ones ignored. Bytes, not characters, so any input round-trips.
 */
final class AwkLines {
    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int next;
    private int end;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    AwkLines(InputStream in) {
        this.in = in;
    }

    /** The next line without its newline, or null at the end of input. */
    byte[] next() throws IOException {
        line.reset();
        boolean any = false;
        for (;;) {
            if (next == end) {
                int n = in.read(buffer, 0, buffer.length);
                if (n <= 0) {
                    return any ? line.toByteArray() : null;
                }
                next = 0;
                end = n;
            }
            any = true;
            int start = next;
            while (next < end && buffer[next] != '\n') {
                next++;
            }
            line.write(buffer, start, next - start);
            if (next < end) {
                next++; // the newline
                return line.toByteArray();
            }
        }
    }

    /** awk's default field splitting of {@code bytes[from, to)}. */
    static List<byte[]> fields(byte[] bytes, int from, int to) {
        List<byte[]> fields = new ArrayList<>();
        int i = from;
        while (i < to) {
            while (i < to && isBlank(bytes[i])) {
                i++;
            }
            int start = i;
            while (i < to && !isBlank(bytes[i])) {
                i++;
            }
            if (i > start) {
                fields.add(Arrays.copyOfRange(bytes, start, i));
            }
        }
        return fields;
    }

    /** awk's split(s, a, "c") for a one-character separator: n+1 pieces for n separators, none for "". */
    static List<byte[]> split(byte[] bytes, byte separator) {
        List<byte[]> pieces = new ArrayList<>();
        if (bytes.length == 0) {
            return pieces;
        }
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == separator) {
                pieces.add(Arrays.copyOfRange(bytes, start, i));
                start = i + 1;
            }
        }
        return pieces;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t';
    }
}
