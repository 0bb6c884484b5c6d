package org.cdbkit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ReadAheadTest {
    @Test
    void everyByteInOrderWhateverTheReadSizes() throws IOException {
        byte[] data = new byte[3_000_000];
        new Random(1).nextBytes(data);
        Random sizes = new Random(2);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        try (ReadAhead in = new ReadAhead(new ByteArrayInputStream(data))) {
            byte[] buffer = new byte[100_000];
            for (int n; (n = in.read(buffer, 0, 1 + sizes.nextInt(buffer.length))) >= 0;) {
                got.write(buffer, 0, n);
            }
            assertEquals(-1, in.read(), "the end stays the end");
            assertEquals(-1, in.read(buffer, 0, 10));
        }
        assertArrayEquals(data, got.toByteArray());
    }

    @Test
    void anErrorComesAfterTheBytesBeforeIt() throws IOException {
        IOException failure = new IOException("disk on fire");
        InputStream failing = new InputStream() {
            private int left = 1000;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left == 0) {
                    throw failure;
                }
                int n = Math.min(len, Math.min(left, 300));
                left -= n;
                return n;
            }
        };
        try (ReadAhead in = new ReadAhead(failing)) {
            byte[] buffer = new byte[4096];
            int total = 0;
            IOException thrown = null;
            while (thrown == null) {
                try {
                    total += in.read(buffer, 0, buffer.length);
                } catch (IOException e) {
                    thrown = e;
                }
            }
            assertEquals(1000, total);
            assertSame(failure, thrown);
            assertSame(failure, assertThrows(IOException.class, () -> in.read(buffer, 0, 1)), "it stays failed");
        }
    }

    @Test
    void onlyALargeInputIsReadAheadAndNeitherCloseClosesTheInput() throws IOException {
        for (int size : new int[] {0, 10, ReadAhead.LARGE - 1, ReadAhead.LARGE, 3 * ReadAhead.LARGE}) {
            byte[] data = new byte[size];
            new Random(size).nextBytes(data);
            boolean[] closed = {false};
            InputStream source = new ByteArrayInputStream(data) {
                @Override
                public void close() {
                    closed[0] = true;
                }
            };
            byte[] got;
            try (InputStream in = ReadAhead.whenLarge(source)) {
                assertEquals(size >= ReadAhead.LARGE, in instanceof ReadAhead, "read ahead at " + size + " bytes");
                got = in.readAllBytes();
            }
            assertArrayEquals(data, got);
            assertEquals(false, closed[0], "the input is left open, as stdin must be");
        }
    }
}
