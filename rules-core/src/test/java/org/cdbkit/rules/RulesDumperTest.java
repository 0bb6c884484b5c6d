package org.cdbkit.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.cdbkit.cdb.CdbFormatException;
import org.cdbkit.testing.Fixtures;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** tcprulesdump's library: lines, folding, quoting, and the records no line can give. */
class RulesDumperTest {
    private static final Path DIR = Fixtures.dir("rules");

    /** The lines for records given as key, data, key, data... (one char per byte). */
    private static List<String> lines(String... keysAndData) throws IOException {
        List<String> lines = new ArrayList<>();
        RulesDumper dumper = new RulesDumper(lines::add);
        for (int i = 0; i < keysAndData.length; i += 2) {
            dumper.add(bytes(keysAndData[i]), bytes(keysAndData[i + 1]));
        }
        dumper.finish();
        return lines;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The rules text dumped from what {@code rules} compiles to, checked to compile to the same bytes. */
    private static String roundTrip(String rules) throws IOException {
        byte[] cdb = DumpRoundTrip.compile(rules);
        String dumped = DumpRoundTrip.dump(cdb);
        assertArrayEquals(cdb, DumpRoundTrip.compile(dumped), dumped);
        return dumped;
    }

    private static String failure(String... keysAndData) {
        return assertThrows(RulesDumpException.class, () -> lines(keysAndData)).getMessage();
    }

    @Test
    void aLinePerRecordInFileOrder() throws IOException {
        assertEquals("1.2.3.4:deny\n=host.example:allow,A=\"1\",B=\"\"\n:allow\n",
                roundTrip("# c\n1.2.3.4:deny\n\n=host.example:allow,A=\"1\",B=\"\"\n:allow\n"));
    }

    @Test
    void denyWithVariablesKeepsThem() throws IOException {
        assertEquals("10.:deny,A=\"1\",A=\"2\"\n", roundTrip("10.:deny,A='1',A=/2/\n"));
    }

    @Test
    void rangesFoldBack() throws IOException {
        assertEquals("1.2.3.37-53:allow\n10.2-3.:deny\n10.1.1.250-255:allow\n20-21.:allow\n",
                roundTrip("1.2.3.37-53:allow\n10.2-3.:deny\n10.1.1.250-999:allow\n20-21.:allow\n"));
    }

    @Test
    void leadingZerosAndWrapsFoldAsTcprulesWroteThem() throws IOException {
        assertEquals("10.1.7.7-9:allow\n0-2:deny\n", roundTrip("10.1.7.007-9:allow\n-2:deny\n"));
    }

    @Test
    void separateLinesThatCountUpFoldIntoOne() throws IOException {
        assertEquals("1.2.3.4-6:allow\n", roundTrip("1.2.3.4:allow\n1.2.3.5:allow\n1.2.3.6:allow\n"));
    }

    @Test
    void aRunOfOneStaysAndDifferentDataBreaksARun() throws IOException {
        assertEquals("1.2.3.4:allow\n1.2.3.5:deny\n1.2.3.6-7:allow,X=\"1\"\n1.2.3.8:allow\n",
                roundTrip("1.2.3.4:allow\n1.2.3.5:deny\n1.2.3.6-7:allow,X=\"1\"\n1.2.3.8:allow\n"));
    }

    @Test
    void onlyKeysThatCountUpInOneComponentFold() throws IOException {
        // descending, gaps, leading zeros, past 255, two components changing: no range writes them
        assertEquals(List.of("1.2.3.5:allow", "1.2.3.4:allow", "1.2.3.6:allow", "1.2.3.08:allow", "1.2.3.09:allow",
                "1.2.3.256:allow", "1.2.3.257:allow", "1.2.4.258:allow", "1.3.5.258:allow"),
                lines("1.2.3.5", "", "1.2.3.4", "", "1.2.3.6", "", "1.2.3.08", "", "1.2.3.09", "", "1.2.3.256", "",
                        "1.2.3.257", "", "1.2.4.258", "", "1.3.5.258", ""));
    }

    @Test
    void literalKeysWithDashesDoNotFold() throws IOException {
        assertEquals("=a-1:allow\n=a-2:allow\nx@1.2.3.4:allow\nx@1.2.3.5:allow\n",
                roundTrip("=a-1:allow\n=a-2:allow\nx@1.2.3.4:allow\nx@1.2.3.5:allow\n"));
    }

    @Test
    void aKeyWithADashIsWrittenAsARangeOfOneBeforeIt() throws IOException {
        // 30.1-2.3-4.5 writes 30.1.3-4.5 and 30.2.3-4.5: the second dash stays
        assertEquals("30.1-2.3-4.5:allow\n", roundTrip("30.1-2.3-4.5:allow\n"));
        assertEquals(List.of("30-30.1.3-4.5:allow"), lines("30.1.3-4.5", ""));
        assertEquals(List.of("a.1-1.x-y:allow"), lines("a.1.x-y", ""));
    }

    @Test
    void valuesAreQuotedWithACharacterTheyDoNotHold() throws IOException {
        assertEquals("1.2.3.4:allow,Q='\"',R=/\"'/,COLON=\"a:b:deny\",S=\" x \",EQ=\"a=b\"\n",
                roundTrip("1.2.3.4:allow,Q='\"',R=|\"'|,COLON=\"a:b:deny\",S=\" x \",EQ=\"a=b\"\n"));
    }

    @Test
    void awkwardBytesRoundTrip() throws IOException {
        roundTrip("nul\0addr:allow,N=\"a\0b\",CR=\"c\rr\",T=\"\t\"\n"
                + "\u00ff\u00fe:deny,V=\"\u00e9\"\n,A,B=\"x\":allow\n");
        // a name holding a NUL: +A NUL B=x NUL reads back the same
        roundTrip(":allow,A\0B=\"x\",C=\"\0+D=y\"\n");
    }

    @Test
    void aNulInAValueIsKeptWhereverItFalls() throws IOException {
        // tcprules stores a value's NUL as it is: this data is one variable whose value is 1 NUL D
        assertEquals(List.of("k:allow,A=\"1\0D\""), lines("k", "+A=1\0D\0"));
        assertEquals(List.of("k:deny,A=\"1\0D\",B=\"2\""), lines("k", "D\0+A=1\0D\0+B=2\0"));
    }

    @Test
    void ipv6KeysEndAtTheColonBeforeAllowOrDeny() throws IOException {
        assertEquals("::1:deny\n2001:db8:2::allow,URL=\"http://x:80/\"\n::ffff:1.2.5.7-8:allow\n",
                roundTrip("::1:deny\n2001:db8:2::allow,URL=\"http://x:80/\"\n::ffff:1.2.5.7-8:allow\n"));
    }

    @Test
    void aValueHoldingEveryQuoteCannotBeWritten() {
        StringBuilder all = new StringBuilder();
        for (char c = 1; c <= 0xff; c++) {
            if (c != '\n') {
                all.append(c);
            }
        }
        assertEquals("record 2: the value of variable 2 holds every byte that could quote it",
                failure("1.2.3.4", "", "1.2.3.5", "+A=x\0+B=" + all + "\0"));
    }

    @Test
    void keysNoLineCanCarry() {
        assertEquals("record 1: its key holds a newline, which would end its line", failure("a\nb", ""));
        assertEquals("record 1: its key starts with #, which would make its line a comment", failure("#x", ""));
        assertEquals("record 1: its key holds a colon followed by allow or deny, where tcprules would end the address",
                failure("a:allowed", ""));
        assertEquals("record 1: its key holds a colon followed by allow or deny, where tcprules would end the address",
                failure("x:deny", ""));
        assertEquals("record 1: its key holds a - that tcprules would read as a range, and no number before it"
                + " to write as a range of one", failure("empty-data", ""));
        assertEquals("record 1: its key holds a - that tcprules would read as a range, and no number before it"
                + " to write as a range of one", failure("1-2", ""));
    }

    @Test
    void dataTcprulesDoesNotWrite() {
        assertEquals("record 1: variable 1 holds a newline, which would end its line", failure("k", "+A=a\nb\0"));
        assertEquals("record 1: variable 1 holds a newline, which would end its line", failure("k", "+A\n=b\0"));
        assertEquals("record 1: its data at byte 0 is a variable not ended by a NUL", failure("k", "+A=1"));
        assertEquals("record 1: its data at byte 0 is a variable with no =", failure("k", "+NOEQ\0"));
        assertEquals("record 1: its data at byte 0 is not the + of a variable, nor the D of a deny at the start",
                failure("k", "D"));
        assertEquals("record 1: its data at byte 2 is not the + of a variable, nor the D of a deny at the start",
                failure("k", "D\0X\0"));
        assertEquals("record 1: its data at byte 0 is not the + of a variable, nor the D of a deny at the start",
                failure("k", "\0\0+A=1\0"));
    }

    @Test
    void linesBeforeABadRecordAreWritten() {
        List<String> lines = new ArrayList<>();
        RulesDumper dumper = new RulesDumper(lines::add);
        RulesDumpException e = assertThrows(RulesDumpException.class, () -> {
            dumper.add(bytes("1.2.3.4"), new byte[0]);
            dumper.add(bytes("1.2.3.5"), new byte[0]);
            dumper.add(bytes("#"), new byte[0]);
        });
        assertEquals(3, e.recordNumber());
        assertEquals(List.of("1.2.3.4-5:allow"), lines);
    }

    @Test
    void aTruncatedDatabaseIsAFormatError() throws IOException {
        byte[] cdb = DumpRoundTrip.compile("1.2.3.4:allow\n");
        byte[] cut = java.util.Arrays.copyOf(cdb, 2048 + 4);
        assertThrows(CdbFormatException.class, () -> DumpRoundTrip.dump(cut));
    }

    /** Every committed database tcprules wrote dumps to text that compiles to the same bytes. */
    @TestFactory
    Stream<DynamicTest> goldenDatabasesRoundTrip() throws IOException {
        List<String> names = new ArrayList<>(Fixtures.names(DIR, ".cdb"));
        names.remove("crafted");
        return names.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            byte[] cdb = Files.readAllBytes(DIR.resolve(name + ".cdb"));
            assertArrayEquals(cdb, DumpRoundTrip.compile(DumpRoundTrip.dump(cdb)));
        }));
    }

    /** crafted.cdb was made by cdbmake, not tcprules: its first key is no address tcprules takes. */
    @Test
    void theCraftedDatabaseCannotBeWritten() throws IOException {
        byte[] cdb = Files.readAllBytes(DIR.resolve("crafted.cdb"));
        RulesDumpException e = assertThrows(RulesDumpException.class, () -> DumpRoundTrip.dump(cdb));
        assertEquals("record 1: its key holds a - that tcprules would read as a range, and no number before it"
                + " to write as a range of one", e.getMessage());
    }
}
