package org.cdbkit.cdb;

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
    private final LineReader lines;

    AwkLines(InputStream in) {
        this.lines = new LineReader(in);
    }

    /** The next line without its newline, or null at the end of input. */
    byte[] next() throws IOException {
        int length = lines.next();
        if (length < 0) {
            return null;
        }
        byte[] line = lines.line();
        return Arrays.copyOf(line, line[length - 1] == '\n' ? length - 1 : length);
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
