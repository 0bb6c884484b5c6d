package org.cdbkit.cdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.cdbkit.testing.FuzzInputs;
import org.cdbkit.testing.RecordCollector;

/**
 * cdbmake's inputs on arbitrary bytes: the text format reads records or fails with a
 * {@link CdbmakeFormatException} that says where; cdbmake-12 and /etc/services lines always
 * read. Whatever was read comes back the same after writing it as cdbmake text and reading that.
 * Without JAZZER_FUZZ, replays the committed inputs.
 */
class CdbmakeFormatsFuzzTest {
    @FuzzTest
    void cdbmakeText(byte[] input) {
        FuzzInputs.within(() -> {
            List<byte[][]> records = new ArrayList<>();
            try {
                long count = new CdbmakeTextReader(new ByteArrayInputStream(input)).readAll(new RecordCollector(records));
                assertEquals(records.size(), count);
            } catch (CdbmakeFormatException e) {
                assertEquals(records.size() + 1, e.entry(), e.getMessage());
                // the offending byte, or the end of the input
                assertEquals(e.problem() == CdbmakeFormatException.Problem.END_OF_INPUT, e.offset() == input.length,
                        e.getMessage());
                assertTrue(e.offset() >= 0 && e.offset() <= input.length, e.getMessage());
                assertTrue(e.line() >= 1 && e.line() <= input.length + 1, e.getMessage());
            }
            RoundTripProperties.assertTextRoundTrips(records);
        });
    }

    @FuzzTest
    void cdbmake12(byte[] input) {
        readsAndRoundTrips(Cdbmake12Format::readAll, input,
                r -> assertFalse(holdsBlank(r[0]) || holdsBlank(r[1]), "a field holds a blank"));
    }

    @FuzzTest
    void services(byte[] input) {
        readsAndRoundTrips(ServicesFormat::readAll, input, r -> {
            assertTrue(indexOf(r[0], '/') >= 0, "every key names a protocol");
            assertTrue(indexOf(r[0], '#') < 0 && indexOf(r[1], '#') < 0, "comments are not read");
        });
    }

    /** A line format's {@code readAll}. */
    @FunctionalInterface
    private interface LineFormat {
        long readAll(InputStream in, RecordSink sink) throws IOException;
    }

    /**
     * {@code format} reads {@code input} without fail, says how many records it read, each
     * passes {@code check}, and they come back the same through the cdbmake text format.
     */
    private static void readsAndRoundTrips(LineFormat format, byte[] input, Consumer<byte[][]> check) {
        FuzzInputs.within(() -> {
            List<byte[][]> records = new ArrayList<>();
            assertEquals(format.readAll(new ByteArrayInputStream(input), new RecordCollector(records)), records.size());
            records.forEach(check);
            RoundTripProperties.assertTextRoundTrips(records);
        });
    }

    private static boolean holdsBlank(byte[] field) {
        return indexOf(field, ' ') >= 0 || indexOf(field, '\t') >= 0 || indexOf(field, '\n') >= 0;
    }

    private static int indexOf(byte[] bytes, char c) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
