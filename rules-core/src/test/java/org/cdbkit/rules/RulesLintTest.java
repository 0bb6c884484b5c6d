package org.cdbkit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.cdbkit.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each kind of line tcpruleslint warns about, and what it leaves alone. */
class RulesLintTest {
    private static List<RulesLint.Finding> lint(String text) throws IOException {
        return RulesLint.check(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
    }

    static Stream<Arguments> oneWarningEach() {
        return Stream.of(
                Arguments.of("10.0.0.0/8:deny", "CIDR prefix"),
                Arguments.of("2001:db8::/32:deny", "CIDR prefix"),
                Arguments.of("010.1.2.3:allow", "leading zero"),
                Arguments.of("10.1.2.03:allow", "leading zero"),
                Arguments.of("joe@10.01.2.3:allow", "leading zero"),
                Arguments.of("2001:DB8::1:allow", "upper case"),
                Arguments.of("[::1]:deny", "brackets"),
                Arguments.of("::ffff:1.2.3.4:allow", "never as ::ffff:a.b.c.d"),
                Arguments.of("1.2.3.5-3:allow", "is empty"),
                Arguments.of("1.2.3.250-300:allow", "runs past 255: tcprules stops there"),
                Arguments.of("1.2.3.256-300:allow", "makes no key at all"),
                Arguments.of("nocolon", "no colon"),
                Arguments.of("1.2.3.4:allow,my-var=\"x\"", "variable name \"my-var\""),
                Arguments.of("1.2.3.4:allow,=\"x\"", "variable name \"\""),
                Arguments.of("1.2.3.4:allow\r", "carriage return"),
                Arguments.of("1.2.3.4:allow\n1.2.3.4:deny", "never used: line 1 already has the key \"1.2.3.4\""),
                Arguments.of("1.2.3.4:deny\n1.2.3.5:deny\n1.2.3.4-5:allow", "never used: every one of its 2 keys"),
                Arguments.of("1.2.3.4:deny\n1.2.3.3-5:allow", "1 of its 3 keys are never used"),
                Arguments.of("10.:deny\n10.0.0.:allow", "though written after it"),
                Arguments.of("10.:deny\n10.0.0.7:allow,X=\"y\"", "though written after it"));
    }

    /** The single finding for {@code rules}, at its last line. */
    @ParameterizedTest
    @MethodSource("oneWarningEach")
    void warnsOnce(String rules, String expected) throws IOException {
        List<RulesLint.Finding> findings = lint(rules + "\n");
        assertEquals(1, findings.size(), findings.toString());
        RulesLint.Finding f = findings.get(0);
        assertTrue(f.message().contains(expected), f.message());
        assertEquals(rules.split("\n").length, f.line());
        assertEquals(false, f.error());
    }

    @Test
    void aLineTcprulesRefusesIsAnErrorAndTheRestIsStillRead() throws IOException {
        List<RulesLint.Finding> findings = lint("1.2.3.4:alow\n# comment\n\n10.0.0.0/8:deny\n");
        assertEquals(2, findings.size(), findings.toString());
        assertEquals(new RulesLint.Finding(1, true, "unable to parse this line: 1.2.3.4:alow"), findings.get(0));
        assertEquals(4, findings.get(1).line());
    }

    @Test
    void whatWorksAsWrittenIsLeftAlone() throws IOException {
        assertEquals(List.of(), lint("# the man page's example, and friends\n"
                + "joe@127.0.0.1:allow,WHO=\"joe\"\n18.23.0.32:allow\n127.:allow\n:allow,WHO=\"x\"\n"
                + "=.example.com:deny\n=host.example.com:allow\n10.0.0.5:deny\n10.0.0.:deny\n"
                + "1.2.3.4-20:allow\n10.2-3.:deny\n::1:allow\n2001:db8::1:deny\n2001:db8::1:5:deny\n"
                + "10.0.0.0:deny\n1.2.3.100:deny   \n"));
        // the example /etc/tcp folders are clean too
        for (String folder : new String[] {"etc-tcp", "etc-tcprules", "etc-tcprules.d"}) {
            List<java.nio.file.Path> sources;
            try (var files = Files.list(Fixtures.dir(folder))) {
                sources = files.filter(p -> !p.getFileName().toString().equals("Makefile")).collect(Collectors.toList());
            }
            for (java.nio.file.Path source : sources) {
                try (InputStream in = Files.newInputStream(source)) {
                    assertEquals(List.of(), RulesLint.check(in), source.toString());
                }
            }
        }
    }
}
