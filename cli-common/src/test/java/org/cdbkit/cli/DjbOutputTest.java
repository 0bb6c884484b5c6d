package org.cdbkit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Standard output as djb's buffer_1 writes it: 8 KiB buffered, written when a write no longer
 * fits, lost on a fatal error, and each failure in the original's words.
 */
class DjbOutputTest {
    /** Records the size of every write that reaches it. */
    private static final class Writes extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final List<Integer> sizes = new ArrayList<>();

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            sizes.add(len);
            bytes.write(b, off, len);
        }
    }

    /** A full disk. */
    private static final OutputStream FULL = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("No space left on device");
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            throw new IOException("No space left on device");
        }
    };

    private static byte[] filled(int n, char c) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) c);
        return b;
    }

    @Test
    void nothingIsWrittenUntilTheBufferIsFullOrFlushed() {
        Writes out = new Writes();
        DjbOutput djb = new DjbOutput(out);
        djb.put("+3,5:one->Hello\n");
        djb.put(filled(8192 - 16, 'x'));
        assertEquals(List.of(), out.sizes, "exactly 8192 bytes still fit");
        djb.put("\n");
        assertEquals(List.of(8192), out.sizes, "a write that no longer fits writes the buffer first");
        djb.flush();
        assertEquals(List.of(8192, 1), out.sizes);
        djb.flush();
        assertEquals(List.of(8192, 1), out.sizes, "an empty buffer writes nothing");
        assertEquals("+3,5:one->Hello\n", out.bytes.toString(StandardCharsets.ISO_8859_1).substring(0, 16));
    }

    @Test
    void aLongWriteGoesOutInPiecesOfTheBuffersSizeAndKeepsItsTail() {
        Writes out = new Writes();
        DjbOutput djb = new DjbOutput(out);
        byte[] big = new byte[20_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) i;
        }
        djb.put("ab");
        djb.put(big, 0, big.length);
        assertEquals(List.of(2, 8192, 8192), out.sizes);
        djb.flush();
        assertEquals(List.of(2, 8192, 8192, 20_000 - 2 * 8192), out.sizes);
        byte[] all = out.bytes.toByteArray();
        assertArrayEquals("ab".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(all, 2));
        assertArrayEquals(big, Arrays.copyOfRange(all, 2, all.length));
    }

    @Test
    void everyFailureIsSaidInTheOriginalsWords() {
        DjbOutput writing = new DjbOutput(FULL);
        writing.put(filled(8000, 'x'));
        ToolFailure f = assertThrows(ToolFailure.class, () -> writing.put(filled(500, 'y')));
        assertEquals(ToolFailure.TEMPORARY, f.exitCode());
        assertEquals("cdbdump: fatal: unable to write output: out of disk space", f.line("cdbdump"));

        DjbOutput flushing = new DjbOutput(FULL);
        flushing.put("x");
        f = assertThrows(ToolFailure.class, flushing::flush);
        assertEquals(ToolFailure.TEMPORARY, f.exitCode());
        assertEquals("cdbget: fatal: unable to flush output: out of disk space", f.line("cdbget"));

        DjbOutput reading = new DjbOutput(FULL);
        reading.put("x");
        f = assertThrows(ToolFailure.class, reading::flushBeforeRead);
        assertEquals("cdbdump: fatal: unable to read input: out of disk space", f.line("cdbdump"));
    }

    @Test
    void whatWasBufferedIsGoneAfterAFailure() {
        boolean[] full = {true};
        Writes written = new Writes();
        DjbOutput djb = new DjbOutput(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (full[0]) {
                    throw new IOException("No space left on device");
                }
                written.write(b, off, len);
            }
        });
        djb.put("lost");
        assertThrows(ToolFailure.class, djb::flush);
        full[0] = false;
        djb.flush();
        assertEquals(List.of(), written.sizes, "as _exit loses what is buffered, nothing is written twice");
    }

    @Test
    void theInputFlushesTheOutputBeforeEveryRead() throws IOException {
        Writes out = new Writes();
        DjbOutput djb = new DjbOutput(out);
        InputStream in = djb.flushingBefore(new ByteArrayInputStream("abcdef".getBytes(StandardCharsets.US_ASCII)));
        djb.put("before the first read");
        byte[] buffer = new byte[3];
        assertEquals(3, in.read(buffer, 0, 3));
        assertEquals("before the first read", out.bytes.toString(StandardCharsets.ISO_8859_1));
        djb.put(", before the second");
        assertEquals(3, in.read(buffer));
        assertEquals("before the first read, before the second", out.bytes.toString(StandardCharsets.ISO_8859_1));
        assertEquals(-1, in.read(buffer));
    }
}
