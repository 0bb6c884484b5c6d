package org.cdbkit.cli.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.cdbkit.cdb.CdbFormatException;
import org.cdbkit.cdb.CdbReader;
import org.cdbkit.cdb.LineReader;
import org.cdbkit.cli.DjbOutput;
import org.cdbkit.rules.Decision;
import org.cdbkit.rules.RulesDialect;
import org.cdbkit.rules.RulesLookup;

/**
 * tcprulescheck's own options, for audits: {@code --batch} reads one client a line
 * ({@code IP [HOST [INFO]]}, separated by blanks, {@code -} for unknown) and prints one
 * decision a line, tab-separated: the client's three fields, {@code allow} or {@code deny}, the
 * rule's key with its colon ({@code default:} when none matched), then its settings. Control
 * bytes (a tab, a newline) and backslashes in a field are written {@code \xHH}, so that each
 * client is one line of fields.
 * {@code --explain} lists the keys tcpserver tries, in order, and which one matched.
 */
final class BatchCheck {
    private BatchCheck() {
    }

    static void run(CdbReader rules, InputStream clients, DjbOutput out, boolean explain, RulesDialect dialect)
            throws IOException {
        LineReader lines = new LineReader(clients);
        for (int length; (length = lines.next()) >= 0; ) {
            String line = new String(lines.line(), 0, length, StandardCharsets.ISO_8859_1).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = Arrays.copyOf(line.split("[ \\t]+"), 3);
            String ip = fields[0];
            String host = unknown(fields[1]);
            String info = unknown(fields[2]);
            Decision d = RulesLookup.decide(rules, ip, host, info, dialect);
            if (explain) {
                out.put(explain(rules, ip, host, info, dialect));
            }
            String name = dialect.ruleName(d.key());
            StringBuilder s = new StringBuilder(escaped(ip)).append('\t').append(escaped(shown(host))).append('\t')
                    .append(escaped(shown(info))).append('\t').append(d.allow() ? "allow" : "deny").append('\t')
                    .append(name == null ? "default" : escaped(name)).append(':');
            for (String setting : d.settings()) {
                s.append('\t').append(escaped(setting));
            }
            out.put(s.append('\n').toString());
        }
    }

    /** The keys tried for a client, in tcpserver's order, up to the one that matched. */
    static String explain(CdbReader rules, String ip, String host, String info, RulesDialect dialect)
            throws CdbFormatException {
        StringBuilder s = new StringBuilder();
        for (String key : RulesLookup.candidates(ip, host, info, dialect)) {
            boolean found = rules.find(key.getBytes(StandardCharsets.ISO_8859_1)).next();
            s.append("try ").append(key).append(": ").append(found ? "found" : "no rule").append('\n');
            if (found) {
                break;
            }
        }
        return s.toString();
    }

    private static String escaped(String field) {
        StringBuilder s = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                s.append(String.format("\\x%02x", (int) c));
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    private static String unknown(String field) {
        return field == null || field.equals("-") ? null : field;
    }

    private static String shown(String field) {
        return field == null ? "-" : field;
    }
}
