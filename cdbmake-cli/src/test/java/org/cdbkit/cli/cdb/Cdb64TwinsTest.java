package org.cdbkit.cli.cdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import org.cdbkit.testing.FixtureFormats;
import org.cdbkit.testing.Fixtures;
import org.cdbkit.testing.Oracle;
import org.cdbkit.testing.PlantedLink;
import org.cdbkit.testing.RecordCollector;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each cdb64 tool does what its cdb twin does, in the other width: the converters write the
 * same records in the same order, and usage errors, bad input and damaged databases give the
 * twin's words with the tool's own name and the twin's exit code.
 */
class Cdb64TwinsTest {
    private static final Path CDB = Fixtures.dir("cdb");
    private static final byte[] OLD = "the old database, kept on bad input\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path temp;

    @ParameterizedTest
    @CsvSource({"cdbmake-12, sample.12", "cdbmake-sv, services.sv"})
    void theConvertersWriteTheTwinsRecordsInTheirOrder(String twin, String input) throws IOException {
        Path source = CDB.resolve("scripts").resolve(input);
        Path cdb = temp.resolve("t.cdb");
        Path cdb64 = temp.resolve("t.cdb64");
        String tool = "cdb64" + twin.substring(3);
        assertEquals(0, InProcess.run(source, twin, cdb.toString(), temp.resolve("a.tmp").toString()).exitCode);
        Oracle.Result built = InProcess.run(source, tool, cdb64.toString(), temp.resolve("b.tmp").toString());
        assertEquals(new Oracle.Result(0, new byte[0], new byte[0]), built);
        assertFalse(Files.exists(temp.resolve("b.tmp")));

        Oracle.Result dump = InProcess.run(cdb, "cdbdump");
        assertEquals(0, dump.exitCode);
        assertTrue(dump.stdout.length > 100, "the twin wrote records");
        assertEquals(dump, InProcess.run(cdb64, "cdb64dump"));
        // the same records, each 24 bytes wider: 8 in its header and 16 in its two slots
        long records = RecordCollector.of(writeText(dump.stdout)).size();
        assertEquals(Files.size(cdb) + 2048 + 24 * records, Files.size(cdb64));
    }

    private Path writeText(byte[] dump) throws IOException {
        return Files.write(temp.resolve("dump.txt"), dump);
    }

    @TestFactory
    Stream<DynamicTest> badInputGivesTheTwinsMessageAndKeepsTheOldDatabase() throws IOException {
        Path bad = CDB.resolve("bad");
        return Fixtures.names(bad, ".in").stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            FixtureFormats.Expect expect = FixtureFormats.expect(bad.resolve(name + ".expect"));
            Path dir = Files.createDirectories(temp.resolve(name));
            Path cdb64 = Files.write(dir.resolve("test.cdb"), OLD);
            // the fixtures ran with relative names: test.cdb test.tmp
            Oracle.Result r = InProcess.run(bad.resolve(name + ".in"), "cdb64make", cdb64.toString(),
                    dir.resolve("test.tmp").toString());
            assertEquals(expect.exit(), r.exitCode);
            String twins = expect.stderrText();
            assertTrue(twins.startsWith("cdbmake: fatal: "), twins);
            assertEquals("cdb64make" + twins.substring("cdbmake".length()), r.stderrText().replace(dir + "/", ""));
            assertArrayEquals(OLD, Files.readAllBytes(cdb64), "the old database is untouched");
            assertFalse(Files.exists(dir.resolve("test.tmp")), "no temporary file is left behind");
        }));
    }

    /** As cdbmake-12 and cdbmake-sv speak as cdbmake, their cdb64 twins speak as cdb64make. */
    @Test
    void theConvertersRefuseTheDatabaseAsItsTemporaryAsCdb64make() throws IOException {
        Path input = Files.writeString(temp.resolve("in"), "a b\n", StandardCharsets.US_ASCII);
        for (String tool : new String[] {"cdb64make-12", "cdb64make-sv"}) {
            Path cdb64 = Files.write(temp.resolve(tool + ".cdb64"), OLD);
            Oracle.Result r = InProcess.run(input, tool, cdb64.toString(), cdb64.toString());
            assertEquals(new Oracle.Result(100, new byte[0], ("cdb64make: fatal: " + cdb64 + " names the same file as "
                    + cdb64 + "\n").getBytes(StandardCharsets.ISO_8859_1)), r, tool);
            assertArrayEquals(OLD, Files.readAllBytes(cdb64));
        }
    }

    /** The temporary file is created new, as cdbmake's: a link planted at its name is replaced, never written through. */
    @ParameterizedTest
    @MethodSource("org.cdbkit.testing.PlantedLink#withGoodAndBadInput")
    void cdb64makeReplacesALinkAtTheTemporaryName(PlantedLink link, boolean good) throws IOException {
        Path cdb64 = Files.write(temp.resolve("t.cdb64"), OLD);
        Path tmp = temp.resolve("t.tmp");
        Path victim = link.plantAt(tmp);
        Path input = Files.writeString(temp.resolve("in"), good ? "+1,1:a->b\n\n" : "+1,1:a->b\n+1,1:x=>y\n\n",
                StandardCharsets.US_ASCII);
        Oracle.Result r = InProcess.run(input, "cdb64make", cdb64.toString(), tmp.toString());
        if (good) {
            assertEquals(new Oracle.Result(0, new byte[0], new byte[0]), r);
            assertEquals(new Oracle.Result(0, new byte[] {'b'}, new byte[0]), InProcess.run(cdb64, "cdb64get", "a"));
        } else {
            assertEquals(111, r.exitCode);
            assertEquals("cdb64make: fatal: unable to read input: entry 2: key must be followed by ->\n", r.stderrText());
            assertArrayEquals(OLD, Files.readAllBytes(cdb64));
        }
        link.assertUntouched(victim);
        assertFalse(Files.exists(tmp, LinkOption.NOFOLLOW_LINKS));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "cdbmake|a",
        "cdbmake|a b c",
        "cdbmake-12|a",
        "cdbmake-sv|",
        "cdbdump|x",
        "cdbget|",
        "cdbget|k 1 2",
        "cdbget|k 1x",
        "cdbstats|x"})
    void usageErrorsAreTheTwinsWithTheToolsName(String twin, String args) throws IOException {
        String[] arguments = args == null ? new String[0] : args.split(" ");
        Path cdb = CDB.resolve("one.cdb");
        Path cdb64 = Fixtures.dir("cdb64").resolve("case-204.cdb64");
        String tool = "cdb64" + twin.substring(3);
        Oracle.Result theirs = InProcess.run(cdb, twin, arguments);
        assertEquals(100, theirs.exitCode, theirs.toString());
        assertTrue(theirs.stderrText().startsWith("usage: cdb"), theirs.toString());
        String ours = "usage: cdb64" + theirs.stderrText().substring("usage: cdb".length());
        assertEquals(new Oracle.Result(100, theirs.stdout, ours.getBytes(StandardCharsets.ISO_8859_1)),
                InProcess.run(cdb64, tool, arguments));
    }

    @Test
    void cdb64getUsageNamesItself() {
        Oracle.Result r = InProcess.run(null, "cdb64get");
        assertEquals(new Oracle.Result(100, new byte[0], "usage: cdb64get key [skip]\n\n".getBytes(StandardCharsets.US_ASCII)), r);
    }

    /**
     * A cdb64 cut short gives the twin's words for a cdb cut short: cdb64dump prints as much as
     * it read, then "truncated file"; cdb64get on a pipe cannot map it ("protocol error").
     */
    @Test
    void damagedDatabasesGiveTheTwinsWords() throws IOException {
        Path whole = Fixtures.dir("cdb64").resolve("case-209.cdb64");
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(temp.resolve("cut.cdb64"), Arrays.copyOf(bytes, bytes.length / 2));
        Oracle.Result dump = InProcess.run(cut, "cdb64dump");
        assertEquals(111, dump.exitCode);
        assertEquals("cdb64dump: fatal: unable to read input: truncated file\n", dump.stderrText());
        byte[] input = Files.readAllBytes(Fixtures.dir("cdb64").resolve("case-209.in"));
        assertArrayEquals(Arrays.copyOf(input, dump.stdout.length), dump.stdout, "what it printed is the input's start");

        Path header = Files.write(temp.resolve("header.cdb64"), Arrays.copyOf(bytes, 3000));
        assertEquals(new Oracle.Result(111, new byte[0],
                "cdb64dump: fatal: unable to read input: truncated file\n".getBytes(StandardCharsets.US_ASCII)),
                InProcess.run(header, "cdb64dump"));
        assertEquals(new Oracle.Result(111, new byte[0],
                "cdb64get: fatal: unable to read input: protocol error\n".getBytes(StandardCharsets.US_ASCII)),
                InProcess.runPiped(whole, "cdb64get", "key-0000000001"));
        for (String tool : new String[] {"cdb64stats", "cdb64test"}) {
            Oracle.Result r = InProcess.run(cut, tool);
            assertEquals(111, r.exitCode, r.toString());
            assertTrue(r.stderrText().startsWith(tool + ": fatal: unable to read input: "), r.toString());
        }
    }
}
