package org.cdbkit.cli.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cdbkit.testing.Fixtures;
import org.cdbkit.testing.FixtureFormats;
import org.cdbkit.testing.Hex;
import org.cdbkit.testing.Oracle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tcprulescheck's own options: {@code --batch} gives, for every client the real tcprulescheck
 * was asked about in the golden fixtures, the decision it gave one at a time; {@code --explain}
 * lists the keys tried up to the one that matched, and the report after it is unchanged.
 */
class BatchCheckTest {
    private static final Path DIR = Fixtures.dir("rules");

    @TempDir
    Path dir;

    /** The real tcprulescheck's report, from one line of batch output ({@code \xHH} undone). */
    private static String asReport(String batchLine) {
        String[] f = batchLine.split("\t", -1);
        for (int i = 0; i < f.length; i++) {
            f[i] = java.util.regex.Pattern.compile("\\\\x([0-9a-f]{2})").matcher(f[i])
                    .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                            String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        StringBuilder s = new StringBuilder(f[4].equals("default:") ? "default:\n" : "rule " + f[4] + "\n");
        for (int i = 5; i < f.length; i++) {
            s.append("set environment variable ").append(f[i]).append('\n');
        }
        return s.append(f[3]).append(" connection\n").toString();
    }

    @Test
    void aBatchDecidesAsTheRealToolDidOneAtATime() throws Exception {
        int compared = 0;
        for (String name : Fixtures.names(DIR, ".v6.check")) {
            Path db = Files.exists(DIR.resolve(name + ".v6.cdb")) ? DIR.resolve(name + ".v6.cdb")
                    : DIR.resolve(name + ".cdb");
            List<String> expected = new ArrayList<>();
            StringBuilder clients = new StringBuilder();
            for (FixtureFormats.Check c : FixtureFormats.checks(DIR.resolve(name + ".v6.check"))) {
                Map<String, String> env = c.environment();
                String ip = env.getOrDefault("TCPREMOTEIP", "0.0.0.0");
                String host = env.get("TCPREMOTEHOST");
                String info = env.get("TCPREMOTEINFO");
                if (c.exit() != 0 || !plain(ip) || host != null && !plain(host) || info != null && !plain(info)
                        || host == null && info != null) {
                    continue; // what a line of blank-separated fields cannot say
                }
                clients.append(ip).append(' ').append(host == null ? "-" : host).append(' ')
                        .append(info == null ? "-" : info).append('\n');
                expected.add(new String(Hex.decode(c.stdoutHex()), StandardCharsets.ISO_8859_1));
            }
            Path in = dir.resolve(name + ".clients");
            Files.write(in, clients.toString().getBytes(StandardCharsets.ISO_8859_1));
            Oracle.Result r = RulesInProcess.run(in, Map.of(), "tcprulescheck", "--batch", db.toString());
            assertEquals(0, r.exitCode, r.toString());
            String[] lines = new String(r.stdout, StandardCharsets.ISO_8859_1).split("\n");
            assertEquals(expected.size(), clients.length() == 0 ? 0 : lines.length, name);
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i), asReport(lines[i]), name + ": " + lines[i]);
                compared++;
            }
        }
        assertTrue(compared > 50, "compared " + compared + " clients");
    }

    private static boolean plain(String field) {
        return !field.isEmpty() && !field.equals("-") && field.chars().noneMatch(ch -> ch <= ' ');
    }

    @Test
    void explainListsTheKeysTriedUpToTheMatch() throws Exception {
        Path db = DIR.resolve("lookup.cdb");
        Oracle.Result plain = RulesInProcess.run(null, Map.of("TCPREMOTEIP", "1.2.3.4"), "tcprulescheck",
                db.toString());
        Oracle.Result explained = RulesInProcess.run(null, Map.of("TCPREMOTEIP", "1.2.3.4"), "tcprulescheck",
                "--explain", db.toString());
        String out = new String(explained.stdout, StandardCharsets.ISO_8859_1);
        String report = new String(plain.stdout, StandardCharsets.ISO_8859_1);
        assertTrue(out.endsWith(report), out);
        List<String> tried = List.of(out.substring(0, out.length() - report.length()).split("\n"));
        assertTrue(tried.get(0).startsWith("try 1.2.3.4: "), out);
        for (int i = 0; i < tried.size() - 1; i++) {
            assertTrue(tried.get(i).endsWith(": no rule"), out);
        }
        String last = tried.get(tried.size() - 1);
        if (report.startsWith("rule ")) {
            String key = report.substring(5, report.indexOf('\n'));
            assertEquals("try " + key + " found", last);
        } else {
            assertTrue(last.endsWith(": no rule"), "no rule matched: every key was tried: " + out);
        }
    }

    @Test
    void anUnknownOptionIsAUsageError() throws Exception {
        Oracle.Result r = RulesInProcess.run(null, Map.of(), "tcprulescheck", "--bogus", DIR.resolve("basic.cdb")
                .toString());
        assertEquals(100, r.exitCode);
        assertTrue(r.stderrText().startsWith(TcpRulesCheckCommand.USAGE + "\n"), r.stderrText());
    }
}
