package org.cdbkit.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * tcprulesdump's promise on random rule sets: whatever tcprules compiles, dumped and compiled
 * again, gives the same bytes.
 */
class RulesDumperProperties {
    @Property(tries = 300)
    void aDumpCompilesToTheSameBytes(@ForAll("ruleFiles") String rules) throws IOException {
        byte[] cdb = DumpRoundTrip.compile(rules);
        String dumped = DumpRoundTrip.dump(cdb);
        assertArrayEquals(cdb, DumpRoundTrip.compile(dumped), () -> rules + "\n--- dumped as\n" + dumped);
    }

    @Provide
    Arbitrary<String> ruleFiles() {
        Arbitrary<String> line = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, rules()),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("# a comment:deny", "", "#")));
        return line.list().ofMaxSize(25).map(lines -> String.join("\n", lines) + "\n");
    }

    private static Arbitrary<String> rules() {
        Arbitrary<EnvVar> variable = Combinators.combine(names(), values()).as(EnvVar::new);
        return Combinators.combine(addresses(), Arbitraries.of(true, false), variable.list().ofMaxSize(3))
                .as((address, allow, env) -> new Rule(address, allow, env).toString());
    }

    /** IPv4 prefixes with and without ranges (small numbers, so runs of keys meet), and the other forms. */
    private static Arbitrary<String> addresses() {
        Arbitrary<String> number = Arbitraries.of("0", "1", "2", "3", "4", "9", "10", "99", "254", "255", "256", "007");
        Arbitrary<String> component = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, number),
                net.jqwik.api.Tuple.of(1, Combinators.combine(number, number).as((a, b) -> a + "-" + b)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("", "-", "3-", "-2")));
        Arbitrary<String> ipv4 = component.list().ofMinSize(1).ofMaxSize(4).map(c -> String.join(".", c));
        Arbitrary<String> other = Arbitraries.of("", "=host.example.com", "=a-b.example", "=", "joe@1.2.3.4",
                "x-y@1.2.3.4-5", "@1.2.3.4", "joe@=host", "::1", "2001:db8::", "::ffff:1.2.3.5-7", "a:b:c", ":",
                "30.1-2.3-4.5", "nul\0addr", "\u00ff\u00fe", "tab\taddr", "sp ace", "cr\r");
        return Arbitraries.oneOf(ipv4, ipv4, other);
    }

    private static Arbitrary<String> names() {
        return Arbitraries.strings().withChars("AB_,: #\0\u00e9\"'").ofMaxLength(4);
    }

    /** Values with every kind of awkward byte: quotes, NUL, blanks, CR, colons, = and +. */
    private static Arbitrary<String> values() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("ab\"'/|%#!^~ \t\r\0:=+D,\u00ff").ofMaxLength(12),
                Arbitraries.of(List.of("", " x ", "a:b:deny", "\0+A=1", "D\0")));
    }
}
