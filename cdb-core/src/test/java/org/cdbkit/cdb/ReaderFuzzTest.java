package org.cdbkit.cdb;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

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
}
