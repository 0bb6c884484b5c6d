package org.cdbkit.cli.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;

/**
 * Our tcprules and tcprulescheck against ucspi-tcp 0.88's (and its IPv6 build's) on random
 * rule files and random connections: same cdb bytes, same output, same exit codes.
 */
@NeedsOriginals({DifferentialProperties.V4 + "tcprules", DifferentialProperties.V4 + "tcprulescheck",
    DifferentialProperties.V6 + "tcprules", DifferentialProperties.V6 + "tcprulescheck"})
class DifferentialProperties {
    static final String V4 = "/opt/ucspi-tcp/usr/bin/";
    static final String V6 = "/opt/ucspi-tcp-ipv6/usr/bin/";

    private Path dir;

    @BeforeTry
    void makeFolder() throws IOException {
        dir = Files.createTempDirectory("cdbkit-rules");
    }

    @AfterTry
    void removeFolder() throws IOException {
        Folders.deleteTree(dir);
    }

    // ---- rule files ----

    static Arbitrary<String> ipv4Addresses() {
        return Arbitraries.of("1.2.3.4", "10.", "10.2-3.", "1.2.3.37-53", "1.2.3.250-300", "1.2.3.9-2", "1.2.-3.",
                "1.2.3.x-5", "1.2.3.4-5.6", "", "=host.example.com", "=.example.com", "=", "joe@1.2.3.4",
                "joe@=host.example.com", "@1.2.3.4", "127.0.0.1", "127.", "0.0.0.0", "1-2", "-", "=a-b", "a@1-3.");
    }

    static Arbitrary<String> ipv6Addresses() {
        return Arbitraries.of("::1", "2001:db8::1", "2001:db8:", "2001:", "fe80::", "::ffff:1.2.3.4", "joe@::1",
                "::", ":");
    }

    static Arbitrary<String> instructions() {
        Arbitrary<String> head = Arbitraries.frequencyOf(Tuple.of(10, Arbitraries.of("allow", "deny")),
                Tuple.of(1, Arbitraries.of("alow", "denyx", "ALLOW", "allow ", "")));
        Arbitrary<String> variable = Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.of(",RELAYCLIENT=\"\"", ",X=\"a b\"", ",X=/v/", ",TCPLOCALHOST='h.e'",
                        ",E=\"\"", ",A=\"1\",B=\"2\"", ",=\"\"", ",N=xyzx")),
                Tuple.of(1, Arbitraries.of(",X", ",X=", ",X=\"open", "junk", ",X=\"v\"junk", ",X==y=")));
        return Combinators.combine(head, variable.list().ofMaxSize(3))
                .as((h, vars) -> h + String.join("", vars));
    }

    static Arbitrary<String> lines(Arbitrary<String> addresses, boolean withSkippedLines) {
        Arbitrary<String> rule = Combinators.combine(addresses, instructions(),
                Arbitraries.of("", "", "", " ", "\t", " \t ", "\r"))
                .as((a, i, trailing) -> a + ":" + i + trailing);
        Arbitrary<String> skipped = withSkippedLines
                ? Arbitraries.of("# a comment", "", "#", "no colon here", "   ")
                : Arbitraries.of("# a comment", "", "#:deny");
        return Arbitraries.frequencyOf(Tuple.of(8, rule), Tuple.of(1, skipped));
    }

    @Provide
    Arbitrary<List<String>> ipv4RuleFiles() {
        return lines(ipv4Addresses(), true).list().ofMaxSize(12);
    }

    /** The IPv6 build hangs on a line with no colon before allow or deny: keep to those it ends. */
    @Provide
    Arbitrary<List<String>> ipv6RuleFiles() {
        Arbitrary<String> addresses = Arbitraries.frequencyOf(Tuple.of(1, ipv4Addresses()), Tuple.of(1, ipv6Addresses()));
        return Combinators.combine(addresses, Arbitraries.of("allow", "deny"), instructions())
                .as((a, head, rest) -> a + ":" + head + (rest.startsWith("allow") || rest.startsWith("deny")
                        ? rest.substring(rest.indexOf(',') < 0 ? rest.length() : rest.indexOf(',')) : ""))
                .list().ofMaxSize(12);
    }

    @Property(tries = 80)
    void tcprulesMatchesTheIpv4Build(@ForAll("ipv4RuleFiles") List<String> lines) throws Exception {
        compareTcprules(V4, lines);
    }

    @Property(tries = 60)
    void tcprulesMatchesTheIpv6Build(@ForAll("ipv6RuleFiles") List<String> lines) throws Exception {
        compareTcprules(V6, lines);
    }

    private void compareTcprules(String build, List<String> lines) throws Exception {
        Path rules = dir.resolve("rules");
        Files.write(rules, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.ISO_8859_1));
        byte[] old = "old rules\n".getBytes(StandardCharsets.US_ASCII);
        Files.write(dir.resolve("c.cdb"), old);
        Files.write(dir.resolve("j.cdb"), old);
        Oracle.tool(build + "tcprules");
        Oracle.Result theirs = Oracle.run(Oracle.command(build + "tcprules", "c.cdb", "c.tmp"), dir, null, rules);
        Oracle.Result ours = RulesInProcess.run(rules, Map.of(), "tcprules", dir.resolve("j.cdb").toString(),
                dir.resolve("j.tmp").toString());
        assertEquals(theirs.exitCode, ours.exitCode, () -> "exit code: " + theirs + " / " + ours);
        String ourError = ours.stderrText();
        if (ours.exitCode == 100) {
            // the original's line, then ours naming the line number
            ourError = ourError.substring(0, ourError.indexOf('\n') + 1);
        }
        assertEquals(theirs.stderrText(), ourError);
        assertArrayEquals(Files.readAllBytes(dir.resolve("c.cdb")), Files.readAllBytes(dir.resolve("j.cdb")));
    }

    // ---- connections ----

    static final String IPV4_RULES = String.join("\n",
            "joe@1.2.3.4:allow,WHO=\"joe at ip\"", "joe@=host.example.com:allow,WHO=\"joe at host\"",
            "1.2.3.4:allow,WHO=\"ip\"", "=host.example.com:deny", "=other.example.com:allow,WHO=\"other\"",
            "1.2.3.:allow,WHO=\"prefix3\"", "1.2.:deny,WHO=\"prefix2\"", "10.:allow,WHO=\"ten\"",
            "=.example.com:allow,WHO=\"suffix\"", "=.com:deny", "=:allow,WHO=\"any host\"",
            "@1.2.3.5:allow,WHO=\"empty info\"", ":deny,WHO=\"default\"", "");

    static final String IPV6_RULES = String.join("\n", IPV4_RULES,
            "::1:allow,WHO=\"v6 loopback\"", "2001:db8::1:deny", "2001:db8::allow,WHO=\"v6 prefix\"",
            "2001:db8:allow,WHO=\"v6 short prefix\"", "joe@::1:allow,WHO=\"joe v6\"", "");

    @Provide
    Arbitrary<Map<String, String>> ipv4Connections() {
        return connections(Arbitraries.of("1.2.3.4", "1.2.3.5", "1.2.9.9", "1.9.9.9", "10.0.0.1", "9.9.9.9", "0.0.0.0",
                "1.2.3.", "", "1..2"));
    }

    @Provide
    Arbitrary<Map<String, String>> ipv6Connections() {
        return connections(Arbitraries.of("::1", "2001:db8::1", "2001:db8::2", "2001:db8:1::5", "fe80::1",
                "1.2.3.4", "10.1.1.1", "::ffff:1.2.3.4"));
    }

    private static Arbitrary<Map<String, String>> connections(Arbitrary<String> ips) {
        Arbitrary<String> hosts = Arbitraries.of(null, "host.example.com", "other.example.com", "a.b.example.com",
                "x.com", "nodots", ".", "", "HOST.EXAMPLE.COM", "h\u00e9.example.com");
        Arbitrary<String> infos = Arbitraries.of(null, null, "joe", "", "bob", "j\u00f6e");
        Arbitrary<String> ipOrUnset = Arbitraries.frequencyOf(Tuple.of(9, ips), Tuple.of(1, Arbitraries.just(null)));
        return Combinators.combine(ipOrUnset, hosts, infos).as((ip, host, info) -> {
            Map<String, String> env = new HashMap<>();
            env.put("TCPREMOTEIP", ip);
            env.put("TCPREMOTEHOST", host);
            env.put("TCPREMOTEINFO", info);
            return env;
        });
    }

    @Property(tries = 150)
    void tcprulescheckMatchesTheIpv4Build(@ForAll("ipv4Connections") Map<String, String> connection) throws Exception {
        compareCheck(V4, IPV4_RULES, connection);
    }

    @Property(tries = 150)
    void tcprulescheckMatchesTheIpv6Build(@ForAll("ipv6Connections") Map<String, String> connection) throws Exception {
        compareCheck(V6, IPV6_RULES, connection);
    }

    private void compareCheck(String build, String text, Map<String, String> connection) throws Exception {
        Path rules = dir.resolve("rules");
        Files.write(rules, text.getBytes(StandardCharsets.ISO_8859_1));
        Oracle.tool(build + "tcprules");
        assertEquals(0, Oracle.run(Oracle.command(build + "tcprules", "r.cdb", "r.tmp"), dir, null, rules).exitCode);
        List<String> env = new ArrayList<>();
        Map<String, String> ourEnv = new HashMap<>();
        for (Map.Entry<String, String> e : connection.entrySet()) {
            env.add(e.getKey());
            env.add(e.getValue());
            if (e.getValue() != null) {
                ourEnv.put(e.getKey(), e.getValue());
            }
        }
        Oracle.Result theirs = Oracle.run(Oracle.command(build + "tcprulescheck", "r.cdb"), dir, null, null,
                env.toArray(new String[0]));
        Oracle.Result ours = RulesInProcess.run(null, ourEnv, "tcprulescheck", dir.resolve("r.cdb").toString());
        assertEquals(theirs, ours, connection.toString());
    }
}
