package org.cdbkit.cli.cdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.cdbkit.testing.CdbmakeTextWriter;
import org.cdbkit.testing.Folders;
import org.cdbkit.testing.NeedsOriginals;
import org.cdbkit.testing.Oracle;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;

/**
 * Our tools against the real freecdb tools on random record sets and random damage: the same
 * database bytes, the same stdout, stderr and exit codes. Runs where the tools are installed,
 * and must run in CI (see {@link Oracle}).
 */
@NeedsOriginals({"/usr/bin/cdbmake", "/usr/bin/cdbdump", "/usr/bin/cdbstats", "/usr/bin/cdbget"})
class DifferentialProperties {
    private Path dir;

    @BeforeTry
    void makeFolder() throws IOException {
        dir = Files.createTempDirectory("cdbkit-diff");
    }

    @AfterTry
    void removeFolder() throws IOException {
        Folders.deleteTree(dir);
    }

    /** Keys from a small alphabet (duplicates are common), binary keys, empty and long values. */
    @Provide
    Arbitrary<List<byte[][]>> recordSets() {
        Arbitrary<byte[]> printable = Arbitraries.strings().withCharRange('a', 'e').ofMinLength(1).ofMaxLength(3)
                .map(s -> s.getBytes(StandardCharsets.US_ASCII));
        Arbitrary<byte[]> binary = Arbitraries.bytes().array(byte[].class).ofMaxSize(12);
        Arbitrary<byte[]> keys = Arbitraries.frequencyOf(Tuple.of(5, printable), Tuple.of(2, binary));
        Arbitrary<byte[]> values = Arbitraries.frequencyOf(
                Tuple.of(20, Arbitraries.bytes().array(byte[].class).ofMaxSize(30)),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMinSize(1000).ofMaxSize(20000)));
        return Combinators.combine(keys, values).as((k, v) -> new byte[][] {k, v}).list().ofMaxSize(400);
    }

    @Property(tries = 40)
    void sameDatabaseAndSameOutputs(@ForAll("recordSets") List<byte[][]> records) throws Exception {
        Path text = dir.resolve("input");
        Files.write(text, CdbmakeTextWriter.text(records));
        Oracle.tool("/usr/bin/cdbmake");
        Oracle.Result theirs = Oracle.run(Oracle.command("cdbmake", "c.cdb", "c.tmp"), dir, null, text);
        Path ours = dir.resolve("j.cdb");
        Oracle.Result mine = InProcess.run(text, "cdbmake", ours.toString(), dir.resolve("j.tmp").toString());
        assertEquals(theirs, mine);
        Path cdb = dir.resolve("c.cdb");
        assertArrayEquals(Files.readAllBytes(cdb), Files.readAllBytes(ours), "database bytes");

        for (String tool : new String[] {"cdbdump", "cdbstats"}) {
            Oracle.tool("/usr/bin/" + tool);
            assertEquals(Oracle.run(Oracle.command(tool), dir, null, cdb), InProcess.run(cdb, tool), tool);
        }
        Oracle.tool("/usr/bin/cdbget");
        for (String key : lookupKeys(records)) {
            for (String skip : new String[] {null, "0", "1", "2", "7", ""}) {
                String[] args = skip == null ? new String[] {key} : new String[] {key, skip};
                List<String> command = new ArrayList<>(List.of("cdbget"));
                command.addAll(List.of(args));
                assertEquals(Oracle.run(command, dir, null, cdb), InProcess.run(cdb, "cdbget", args),
                        "cdbget " + String.join(" ", args));
            }
        }
    }

    @Property(tries = 60)
    void sameVerdictOnDamagedInput(@ForAll("recordSets") List<byte[][]> records,
            @ForAll @IntRange(min = 0, max = 1_000_000) int where, @ForAll byte replacement,
            @ForAll boolean truncate) throws Exception {
        byte[] text = CdbmakeTextWriter.text(records);
        int at = where % text.length;
        byte[] damaged = truncate ? java.util.Arrays.copyOf(text, at) : text.clone();
        if (!truncate) {
            damaged[at] = replacement;
        }
        Path input = dir.resolve("input");
        Files.write(input, damaged);
        byte[] old = "old database\n".getBytes(StandardCharsets.US_ASCII);
        Files.write(dir.resolve("c.cdb"), old);
        Files.write(dir.resolve("j.cdb"), old);
        Oracle.tool("/usr/bin/cdbmake");
        Oracle.Result theirs = Oracle.run(Oracle.command("cdbmake", "c.cdb", "c.tmp"), dir, null, input);
        Oracle.Result mine = InProcess.run(input, "cdbmake", dir.resolve("j.cdb").toString(),
                dir.resolve("j.tmp").toString());
        String ourError = new String(mine.stderr, StandardCharsets.ISO_8859_1).replace(dir + "/", "").replace("j.", "c.");
        assertEquals(theirs.exitCode, mine.exitCode, "exit code");
        assertEquals(new String(theirs.stderr, StandardCharsets.ISO_8859_1), ourError);
        assertArrayEquals(Files.readAllBytes(dir.resolve("c.cdb")), Files.readAllBytes(dir.resolve("j.cdb")),
                "both leave the old database, or both write the same new one");
        if (theirs.exitCode != 0) {
            assertArrayEquals(old, Files.readAllBytes(dir.resolve("j.cdb")));
        }
    }

    @Property(tries = 40)
    void sameOutputOnDamagedDatabases(@ForAll("recordSets") List<byte[][]> records,
            @ForAll @IntRange(min = 0, max = 1_000_000) int where, @ForAll int replacement,
            @ForAll boolean truncate) throws Exception {
        Path text = dir.resolve("input");
        Files.write(text, CdbmakeTextWriter.text(records));
        Oracle.tool("/usr/bin/cdbmake");
        Oracle.run(Oracle.command("cdbmake", "c.cdb", "c.tmp"), dir, null, text);
        byte[] bytes = Files.readAllBytes(dir.resolve("c.cdb"));
        int at = where % bytes.length;
        byte[] damaged;
        if (truncate) {
            damaged = java.util.Arrays.copyOf(bytes, at);
        } else {
            // overwrite a 32-bit field: a position, a length or a hash
            damaged = bytes.clone();
            int field = Math.min(at & ~3, bytes.length - 4);
            for (int i = 0; i < 4; i++) {
                damaged[field + i] = (byte) (replacement >>> (8 * i));
            }
        }
        Path cdb = dir.resolve("damaged.cdb");
        Files.write(cdb, damaged);
        for (String tool : new String[] {"cdbdump", "cdbstats"}) {
            Oracle.tool("/usr/bin/" + tool);
            assertEquals(Oracle.run(Oracle.command(tool), dir, null, cdb), InProcess.run(cdb, tool), tool);
        }
        Oracle.tool("/usr/bin/cdbget");
        for (String key : lookupKeys(records)) {
            assertEquals(Oracle.run(Oracle.command("cdbget", key), dir, null, cdb), InProcess.run(cdb, "cdbget", key),
                    "cdbget " + key);
            assertEquals(Oracle.run(Oracle.command("cdbget", key, "1"), dir, null, cdb),
                    InProcess.run(cdb, "cdbget", key, "1"), "cdbget " + key + " 1");
        }
    }

    /** Keys that can be command-line arguments: printable ASCII, not empty. Plus absent ones. */
    static Set<String> lookupKeys(List<byte[][]> records) {
        Set<String> keys = new LinkedHashSet<>();
        for (byte[][] r : records) {
            String key = new String(r[0], StandardCharsets.ISO_8859_1);
            if (!key.isEmpty() && key.chars().allMatch(c -> c > 32 && c < 127) && keys.size() < 6) {
                keys.add(key);
            }
        }
        keys.add("absent");
        keys.add("zz");
        return keys;
    }
}
