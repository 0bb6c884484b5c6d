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
 * The cdb64 reader on damaged databases ({@link Cdb64CorruptDatabaseTest#exercise}): a cdb64
 * of records the fuzzer chooses, then a few 64-bit fields or bytes overwritten where it says,
 * perhaps cut short; every way into it works or fails with a {@link CdbFormatException}.
 * Without JAZZER_FUZZ, runs once on the empty input.
 */
class Cdb64ReaderFuzzTest {
    @FuzzTest
    void damagedDatabase(FuzzedDataProvider data) throws IOException {
        List<byte[]> keys = new ArrayList<>(List.of(Cdb64CorruptDatabaseTest.KEYS));
        FuzzInputs.withFile(new byte[0], file -> {
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
                Cdb64Writer writer = new Cdb64Writer(out);
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
                    fields.putLong(data.consumeInt(0, image.length - 8), data.consumeLong());
                } else {
                    image[data.consumeInt(0, image.length - 1)] = data.consumeByte();
                }
            }
            if (data.consumeBoolean()) {
                image = Arrays.copyOf(image, data.consumeInt(0, image.length));
            }
            Files.write(file, image);
            Cdb64CorruptDatabaseTest.exercise(file, "a damaged cdb64 of " + image.length + " bytes", keys);
        });
    }
}
