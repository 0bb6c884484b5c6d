package org.cdbkit.cdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.cdbkit.testing.FuzzInputs;

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
            assertRoundTrip(records);
        });
    }

    @FuzzTest
    void cdbmake12(byte[] input) {
        FuzzInputs.within(() -> {
            List<byte[][]> records = new ArrayList<>();
            long count = Cdbmake12Format.readAll(new ByteArrayInputStream(input), new RecordCollector(records));
            assertEquals(records.size(), count);
            for (byte[][] r : records) {
                assertFalse(holdsBlank(r[0]) || holdsBlank(r[1]), "a field holds a blank");
            }
            assertRoundTrip(records);
        });
    }

    @FuzzTest
    void services(byte[] input) {
        FuzzInputs.within(() -> {
            List<byte[][]> records = new ArrayList<>();
            long count = ServicesFormat.readAll(new ByteArrayInputStream(input), new RecordCollector(records));
            assertEquals(records.size(), count);
            for (byte[][] r : records) {
                assertTrue(indexOf(r[0], '/') >= 0, "every key names a protocol");
                assertTrue(indexOf(r[0], '#') < 0 && indexOf(r[1], '#') < 0, "comments are not read");
            }
            assertRoundTrip(records);
        });
    }

    /** Writing records as cdbmake text and reading that gives the same records. */
    private static void assertRoundTrip(List<byte[][]> records) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        CdbmakeTextWriter writer = new CdbmakeTextWriter(text);
        for (byte[][] r : records) {
            writer.write(r[0], r[1]);
        }
        writer.finish();
        List<byte[][]> again = new ArrayList<>();
        assertEquals(records.size(), new CdbmakeTextReader(new ByteArrayInputStream(text.toByteArray()))
                .readAll(new RecordCollector(again)));
        for (int i = 0; i < records.size(); i++) {
            assertArrayEquals(records.get(i)[0], again.get(i)[0], "key of record " + i);
            assertArrayEquals(records.get(i)[1], again.get(i)[1], "data of record " + i);
        }
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
