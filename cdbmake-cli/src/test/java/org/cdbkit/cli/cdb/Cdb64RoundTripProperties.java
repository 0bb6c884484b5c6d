package org.cdbkit.cli.cdb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.cdbkit.testing.CdbmakeTextWriter;
import org.cdbkit.testing.Folders;
import org.cdbkit.testing.Oracle;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;

/**
 * Through the tools, as a user runs them: any records (duplicate keys, the empty key, any
 * bytes) written by cdb64make come back from cdb64dump exactly as they went in, are all found
 * by cdb64test, and the first of a key is what cdb64get prints.
 */
class Cdb64RoundTripProperties {
    private static final byte[] NOTHING = new byte[0];

    private Path dir;

    @BeforeTry
    void makeFolder() throws IOException {
        dir = Files.createTempDirectory("cdbkit-cdb64");
    }

    @AfterTry
    void removeFolder() throws IOException {
        Folders.deleteTree(dir);
    }

    /** Keys from a small alphabet (duplicates are common), the empty key, binary keys; empty and binary data. */
    @Provide
    Arbitrary<List<byte[][]>> recordSets() {
        Arbitrary<byte[]> printable = Arbitraries.strings().withCharRange('a', 'd').ofMinLength(1).ofMaxLength(2)
                .map(s -> s.getBytes(StandardCharsets.US_ASCII));
        Arbitrary<byte[]> binary = Arbitraries.bytes().array(byte[].class).ofMaxSize(12);
        Arbitrary<byte[]> keys = Arbitraries.frequencyOf(Tuple.of(5, printable), Tuple.of(2, binary),
                Tuple.of(1, Arbitraries.just(NOTHING)));
        Arbitrary<byte[]> values = Arbitraries.frequencyOf(
                Tuple.of(20, Arbitraries.bytes().array(byte[].class).ofMaxSize(30)),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMinSize(1000).ofMaxSize(5000)));
        return Combinators.combine(keys, values).as((k, v) -> new byte[][] {k, v}).list().ofMaxSize(200);
    }

    @Property(tries = 60)
    void cdb64makeThenCdb64dumpGivesTheInputBack(@ForAll("recordSets") List<byte[][]> records) throws Exception {
        byte[] text = CdbmakeTextWriter.text(records);
        Path input = Files.write(dir.resolve("input"), text);
        Path cdb64 = dir.resolve("t.cdb64");
        assertEquals(new Oracle.Result(0, NOTHING, NOTHING),
                InProcess.run(input, "cdb64make", cdb64.toString(), dir.resolve("t.tmp").toString()));
        assertEquals(new Oracle.Result(0, text, NOTHING), InProcess.run(cdb64, "cdb64dump"));
        assertEquals(new Oracle.Result(0, text, NOTHING), InProcess.runPiped(cdb64, "cdb64dump"));

        long later = 0; // records whose key an earlier record has: cdbtest's "different record"
        Set<String> seen = new HashSet<>();
        for (byte[][] r : records) {
            if (!seen.add(new String(r[0], StandardCharsets.ISO_8859_1))) {
                later++;
            }
        }
        String figures = "found: " + (records.size() - later) + "\ndifferent record: " + later
                + "\nbad length: 0\nnot found: 0\nuntested: 0\n";
        assertEquals(new Oracle.Result(0, figures.getBytes(StandardCharsets.US_ASCII), NOTHING),
                InProcess.run(cdb64, "cdb64test"));

        for (byte[][] r : records) {
            if (r[0].length > 0) {
                String key = new String(r[0], StandardCharsets.ISO_8859_1);
                byte[] first = records.stream().filter(o -> Arrays.equals(o[0], r[0])).findFirst().get()[1];
                assertEquals(new Oracle.Result(0, first, NOTHING), InProcess.run(cdb64, "cdb64get", key), key);
                break;
            }
        }
    }
}
