package org.cdbkit.cli.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.cdbkit.cdb.CdbWriter;
import org.cdbkit.testing.Fixtures;
import org.cdbkit.testing.Oracle;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** tcprulesdump run in-process from the tool table: what it prints compiles back to the same bytes. */
class TcpRulesDumpTest {
    private static final Path DIR = Fixtures.dir("rules");

    @TempDir
    Path temp;

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** tcprules in-process on {@code rules}: the database it writes. */
    private byte[] tcprules(byte[] rules) throws IOException {
        Path in = Files.write(temp.resolve("in.rules"), rules);
        Path cdb = temp.resolve("re.cdb");
        Oracle.Result r = RulesInProcess.run(in, Map.of(), "tcprules", cdb.toString(), temp.resolve("re.tmp").toString());
        assertEquals(0, r.exitCode, r.toString());
        return Files.readAllBytes(cdb);
    }

    /** The golden databases tcprules wrote: all but crafted.cdb, which cdbmake wrote. */
    static List<String> tcprulesDatabases() throws IOException {
        List<String> names = new ArrayList<>(Fixtures.names(DIR, ".cdb"));
        names.remove("crafted");
        return names;
    }

    /** What tcprulesdump prints for {@code cdb}, run in-process, checked to succeed silently. */
    static byte[] dump(Path cdb) {
        Oracle.Result r = RulesInProcess.run(cdb, Map.of(), "tcprulesdump");
        assertEquals(0, r.exitCode, r.toString());
        assertEquals("", r.stderrText());
        return r.stdout;
    }

    @TestFactory
    Stream<DynamicTest> everyGoldenDatabaseCompilesBackToTheSameBytes() throws IOException {
        return tcprulesDatabases().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Path cdb = DIR.resolve(name + ".cdb");
            assertArrayEquals(Files.readAllBytes(cdb), tcprules(dump(cdb)));
        }));
    }

    @Test
    void foldsTheRangesOfTheRulesItCameFrom() throws IOException {
        Oracle.Result r = RulesInProcess.run(DIR.resolve("forms.cdb"), Map.of(), "tcprulesdump");
        String text = new String(r.stdout, StandardCharsets.ISO_8859_1);
        List<String> lines = Arrays.asList(text.split("\n"));
        for (String range : List.of("10.0.0.37-40:allow,R=\"37-40\"", "10.2-3.:deny,R=\"10.2-3.\"",
                "10.1.1.250-255:allow,R=\"top clipped to 255\"", "30.1-2.3-4.5:allow,R=\"only the first dash\"")) {
            assertEquals(true, lines.contains(range), range + " in\n" + text);
        }
    }

    @Test
    void anArgumentOtherThanADialectIsAUsageError() {
        Oracle.Result r = RulesInProcess.run(DIR.resolve("basic.cdb"), Map.of(), "tcprulesdump", "basic.cdb");
        assertEquals(new Oracle.Result(100, new byte[0],
                ascii("tcprulesdump: usage: tcprulesdump [--dialect=ucspi-tcp6] < rules.cdb\n")), r);
    }

    /** A ucspi-tcp6 database: its keys as its tcprules reads them back, CIDR as address/bits. */
    @Test
    void theUcspiTcp6DialectIsDumpedInItsOwnWords() {
        Path cdb = Fixtures.dir("rules-ucspi-tcp6").resolve("case-100").resolve("rules.cdb");
        Oracle.Result r = RulesInProcess.run(cdb, Map.of(), "tcprulesdump", "--dialect=ucspi-tcp6");
        assertEquals(new Oracle.Result(0, ascii("127.10.192.246:deny\n127.10.192.247:deny\n"), new byte[0]), r);
        Oracle.Result plain = RulesInProcess.run(DIR.resolve("basic.cdb"), Map.of(), "tcprulesdump",
                "--dialect=ucspi-tcp");
        assertEquals(0, plain.exitCode, plain.toString());
    }

    /** The lines of the records before one no line gives are printed, then the record is named. */
    @Test
    void aRecordNoLineGivesIsFatalAfterTheLinesBeforeIt() throws IOException {
        Path cdb = temp.resolve("bad.cdb");
        try (FileChannel channel = FileChannel.open(cdb, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                CdbWriter writer = new CdbWriter(channel)) {
            writer.add(ascii("1.2.3.4"), new byte[0]);
            writer.add(ascii("1.2.3.5"), new byte[0]);
            writer.add(ascii("#x"), ascii("D\0"));
            writer.finish();
        }
        Oracle.Result r = RulesInProcess.run(cdb, Map.of(), "tcprulesdump");
        assertEquals(new Oracle.Result(100, ascii("1.2.3.4-5:allow\n"),
                ascii("tcprulesdump: fatal: record 3: its key starts with #, which would make its line a comment\n")), r);
    }

    @Test
    void theCraftedDatabaseIsRefusedAtItsFirstRecord() {
        Oracle.Result r = RulesInProcess.run(DIR.resolve("crafted.cdb"), Map.of(), "tcprulesdump");
        assertEquals(new Oracle.Result(100, new byte[0], ascii("tcprulesdump: fatal: record 1: its key holds a - that"
                + " tcprules would read as a range, and no number before it to write as a range of one\n")), r);
    }

    @Test
    void aTruncatedDatabaseIsATemporaryFailure() throws IOException {
        byte[] whole = Files.readAllBytes(DIR.resolve("basic.cdb"));
        Path cut = Files.write(temp.resolve("cut.cdb"), Arrays.copyOf(whole, 2048 + 6));
        Oracle.Result r = RulesInProcess.run(cut, Map.of(), "tcprulesdump");
        assertEquals(new Oracle.Result(111, new byte[0], ascii("tcprulesdump: fatal: unable to read input: truncated file\n")),
                r);
    }

    @Test
    void anEmptyDatabaseIsNoRules() throws IOException {
        Path empty = temp.resolve("empty.cdb");
        assertEquals(0, RulesInProcess.run(null, Map.of(), "tcprules", empty.toString(), empty + ".tmp").exitCode);
        assertEquals(new Oracle.Result(0, new byte[0], new byte[0]), RulesInProcess.run(empty, Map.of(), "tcprulesdump"));
    }
}
