package org.cdbkit.cdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.cdbkit.testing.FuzzInputs;

/**
 * The reader on arbitrary bytes: every way into the file ({@link CorruptDatabaseTest#exercise}:
 * lookups, iteration, cdbstats, cdbtest, cdbdump's scan, strict open) either works or fails
 * with a {@link CdbFormatException}, never another exception, never a hang. Looks up the keys
 * the input's records hold as well as the fixed keys, so that lookups reach the records.
 * Without JAZZER_FUZZ, replays the committed inputs (golden and corrupt databases, findings).
 */
class ReaderFuzzTest {
    @FuzzTest
    void anyBytes(byte[] image) throws IOException {
        List<byte[]> keys = new ArrayList<>(List.of(CorruptDatabaseTest.KEYS));
        keys.addAll(FuzzInputs.recordKeys(image, 16));
        FuzzInputs.withFile(image, file -> CorruptDatabaseTest.exercise(file, image.length + " fuzzed bytes", keys));
    }

    /**
     * A database as cdbmake writes it, of records the fuzzer chooses, then damaged where it
     * says: a few 32-bit fields or bytes overwritten, perhaps cut short. Reaches the probe
     * loops and record checks that arbitrary bytes seldom get to.
     */
    @FuzzTest
    void damagedDatabase(FuzzedDataProvider data) throws IOException {
        List<byte[]> keys = new ArrayList<>(List.of(CorruptDatabaseTest.KEYS));
        FuzzInputs.withFile(new byte[0], file -> {
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
                CdbWriter writer = new CdbWriter(out);
                for (int i = data.consumeInt(0, 16); i > 0; i--) {
                    byte[] key = data.consumeBytes(data.consumeInt(0, 40));
                    writer.add(key, data.consumeBytes(data.consumeInt(0, 100)));
                    keys.add(key);
                }
                writer.finish();
            }
            byte[] image = Files.readAllBytes(file);
            ByteBuffer fields = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = data.consumeInt(0, 4); i > 0; i--) {
                if (data.consumeBoolean()) {
                    fields.putInt(data.consumeInt(0, image.length - 4), data.consumeInt());
                } else {
                    image[data.consumeInt(0, image.length - 1)] = data.consumeByte();
                }
            }
            if (data.consumeBoolean()) {
                image = Arrays.copyOf(image, data.consumeInt(0, image.length));
            }
            Files.write(file, image);
            CorruptDatabaseTest.exercise(file, "a damaged database of " + image.length + " bytes", keys);
        });
    }
}
