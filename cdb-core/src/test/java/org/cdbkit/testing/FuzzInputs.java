package org.cdbkit.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.function.Executable;

/** What the fuzz tests and the random-damage properties do with an arbitrary input. */
public final class FuzzInputs {
    private FuzzInputs() {
    }

    /** How long one input may take: far more than any does, so that only a hang fails. */
    public static final Duration PATIENCE = Duration.ofSeconds(5);

    /** Runs {@code body}, failing if it does not finish within {@link #PATIENCE}. */
    public static void within(Executable body) {
        Assertions.assertTimeoutPreemptively(PATIENCE, body, "did not finish in time");
    }

    /** Something to do with a file. */
    @FunctionalInterface
    public interface FileAction {
        void run(Path file) throws IOException;
    }

    /** Writes {@code content} to a new temporary file, runs {@code action} on it, deletes it. */
    public static void withFile(byte[] content, FileAction action) throws IOException {
        Path file = Files.createTempFile("cdbkit-fuzz", ".cdb");
        try {
            Files.write(file, content);
            action.run(file);
        } finally {
            Files.delete(file);
        }
    }

    /**
     * The keys of the first {@code limit} records of a cdb image, read as cdbdump reads them
     * (from byte 2048 up to where the header says the records end) but stopping, rather than
     * failing, at the first record that does not fit: keys the fuzzer's input holds, for lookups.
     */
    public static List<byte[]> recordKeys(byte[] image, int limit) {
        List<byte[]> keys = new ArrayList<>();
        if (image.length < 4) {
            return keys;
        }
        ByteBuffer b = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);
        long end = Math.min(image.length, Integer.toUnsignedLong(b.getInt(0)));
        long position = 2048;
        while (keys.size() < limit && end - position >= 8) {
            long keyLength = Integer.toUnsignedLong(b.getInt((int) position));
            long valueLength = Integer.toUnsignedLong(b.getInt((int) position + 4));
            if (image.length - position - 8 < keyLength) {
                break;
            }
            int from = (int) position + 8;
            keys.add(Arrays.copyOfRange(image, from, from + (int) keyLength));
            position += 8 + keyLength + valueLength;
        }
        return keys;
    }
}
