package org.cdbkit.cli;

import java.io.InputStream;
import java.io.IOException;
import java.io.OutputStream;

import org.apache.commons.io.input.ProxyInputStream;

/**
 * Standard output with djb's buffering: 8 KiB, flushed when a write no longer fits, never on a
 * fatal error (the originals leave with {@code _exit}, so what is still buffered is lost). Each
 * failure carries the original's wording: "unable to write output" while writing, "unable to
 * flush output" at the end. (A reader gone away never reaches here: standard output ends the
 * process then, see {@link ToolProcess#standardOutput()}.)
 */
public final class DjbOutput {
    private static final int SIZE = 8192;

    private final OutputStream out;
    private final byte[] buffer = new byte[SIZE];
    private int count;

    public DjbOutput(OutputStream out) {
        this.out = out;
    }

    public void put(byte[] bytes, int offset, int length) {
        if (length > SIZE - count) {
            drain("unable to write output: ");
            while (length > SIZE) {
                write(bytes, offset, SIZE, "unable to write output: ");
                offset += SIZE;
                length -= SIZE;
            }
        }
        System.arraycopy(bytes, offset, buffer, count, length);
        count += length;
    }

    public void put(byte[] bytes) {
        put(bytes, 0, bytes.length);
    }

    public void put(String ascii) {
        put(ascii.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /** The final flush. */
    public void flush() {
        drain("unable to flush output: ");
    }

    /** The flush djb's input does before each read: a failure is reported as a read error. */
    public void flushBeforeRead() {
        drain("unable to read input: ");
    }

    /** {@code in}, flushing this output before every read from it, as djb's buffered input does. */
    public InputStream flushingBefore(InputStream in) {
        return new ProxyInputStream(in) {
            @Override
            protected void beforeRead(int n) {
                flushBeforeRead();
            }
        };
    }

    private void drain(String what) {
        if (count > 0) {
            int n = count;
            count = 0;
            write(buffer, 0, n, what);
        }
    }

    private void write(byte[] bytes, int offset, int length, String what) {
        try {
            out.write(bytes, offset, length);
        } catch (IOException e) {
            throw ToolFailure.fatal(ToolFailure.TEMPORARY, what + ErrorText.of(e), e);
        }
    }
}
