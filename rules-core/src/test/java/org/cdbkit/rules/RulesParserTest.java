package org.cdbkit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RulesParserTest {
    private static Rule parse(String line) throws RulesFormatException {
        return RulesParser.parseLine(line, 7);
    }

    @Test
    void addressActionAndVariablesInOrder() throws Exception {
        Rule r = parse("127.0.0.1:allow,RELAYCLIENT=\"\",TCPLOCALHOST=/movie.edu/\n");
        assertEquals("127.0.0.1", r.address());
        assertTrue(r.allow());
        assertEquals(List.of(new EnvVar("RELAYCLIENT", ""), new EnvVar("TCPLOCALHOST", "movie.edu")), r.env());
        assertEquals(7, r.lineNumber());
        assertFalse(parse(":deny").allow());
        assertEquals("", parse(":deny").address());
    }

    @ParameterizedTest
    @ValueSource(strings = {"# comment:deny", "", "\n", "no colon at all", "   \t\n"})
    void skippedLines(String line) throws Exception {
        assertNull(parse(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3.4:alow", "1.2.3.4:allow\r", "1.2.3.4:denyx", "x:allow,X", "x:allow,X=",
        "x:allow,X=\"open", "x:allow junk", "x:", "1.2.3.4:allow,X=\"v\"junk"})
    void rejectedLinesNameTheLineAndItsNumber(String line) {
        RulesFormatException e = assertThrows(RulesFormatException.class, () -> parse(line));
        assertEquals(7, e.lineNumber());
        assertEquals(line.strip().equals(line) ? line : line.replaceAll("[ \\t\\n]+$", ""), e.line());
        assertTrue(e.getMessage().startsWith("line 7: unable to parse this line: "));
    }

    @Test
    void trailingBlanksAreTrimmedButNotCarriageReturns() throws Exception {
        assertEquals(List.of(new EnvVar("X", "v")), parse("1.2.3.4:allow,X=\"v\" \t \n").env());
        assertThrows(RulesFormatException.class, () -> parse("1.2.3.4:allow\r\n"));
    }

    @Test
    void anyQuoteCharacter() throws Exception {
        assertEquals(new EnvVar("A", "b c"), parse(":allow,A=xb cx").env().get(0));
        assertEquals(new EnvVar("A", "has \" inside"), parse(":allow,A='has \" inside'").env().get(0));
    }

    @Test
    void ipv6AddressesEndAtTheColonBeforeAllowOrDeny() throws Exception {
        assertEquals("::1", parse("::1:deny").address());
        assertEquals("2001:db8::", parse("2001:db8:::allow").address());
        assertEquals("joe@::1", parse("joe@::1:allow,X=\"y\"").address());
    }

    @Test
    void rangesExpandAsTcprulesDoes() throws Exception {
        assertEquals(List.of("1.2.3.37", "1.2.3.38", "1.2.3.39"), RuleKeys.of(parse("1.2.3.37-39:allow")));
        assertEquals(List.of("10.2.", "10.3."), RuleKeys.of(parse("10.2-3.:allow")));
        assertEquals(256 - 250, RuleKeys.of(parse("1.2.3.250-300:allow")).size());
        assertEquals(List.of(), RuleKeys.of(parse("1.2.3.9-2:allow")));
        assertEquals(List.of("1.2.0.", "1.2.1."), RuleKeys.of(parse("1.2.-1.:allow")));
        assertEquals(List.of("=a-b"), RuleKeys.of(parse("=a-b:allow")));
        assertEquals(List.of("x@1-3."), RuleKeys.of(parse("x@1-3.:allow")));
        RulesFormatException e = assertThrows(RulesFormatException.class,
                () -> RuleKeys.of(parse("1.2.3.x-5:allow")));
        assertEquals("1.2.3.x-5:allow", e.line());
    }

    @Test
    void dataIsEncodedAsTcprulesWritesIt() throws Exception {
        assertEquals("D\0+X=y\0", new String(RuleData.encode(parse(":deny,X=\"y\"")), StandardCharsets.ISO_8859_1));
        assertEquals("", new String(RuleData.encode(parse(":allow")), StandardCharsets.ISO_8859_1));
        assertEquals("+A=\0+B=2\0", new String(RuleData.encode(parse(":allow,A=\"\",B=\"2\"")),
                StandardCharsets.ISO_8859_1));
    }

    @Test
    void aWholeFileKeepsLineNumbers() throws Exception {
        byte[] text = "# comment\n\n1.2.3.4:allow\nno colon\n:deny".getBytes(StandardCharsets.US_ASCII);
        List<Rule> rules = RulesParser.parse(new ByteArrayInputStream(text));
        assertEquals(2, rules.size());
        assertEquals(3, rules.get(0).lineNumber());
        assertEquals(5, rules.get(1).lineNumber());
        byte[] bad = "1.2.3.4:allow\n\n# x\n5.6.7.8:alow\n".getBytes(StandardCharsets.US_ASCII);
        RulesFormatException e = assertThrows(RulesFormatException.class,
                () -> RulesParser.parse(new ByteArrayInputStream(bad)));
        assertEquals(4, e.lineNumber());
    }
}
