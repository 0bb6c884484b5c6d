package org.cdbkit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.cdbkit.cdb.CdbFormatException;
import org.cdbkit.cdb.CdbReader;
import org.cdbkit.cdb.MappedInput;
import org.cdbkit.testing.FuzzInputs;

/**
 * tcpserver's decision on arbitrary databases and arbitrary rule values: it is made or fails
 * with a {@link CdbFormatException}, never another exception, never a hang; and it is the
 * value of the first candidate key the database holds. Without JAZZER_FUZZ, replays the
 * committed inputs (the compiled rules fixtures, values tcprules writes).
 */
class RulesLookupFuzzTest {
    /** ip, host, info: connections of every shape, whatever the database. */
    private static final String[][] CONNECTIONS = {
        {"1.2.3.4", null, null},
        {"10.0.0.1", "mail.example.com", "joe"},
        {"127.0.0.1", "", ""},
        {"::1", "localhost", null},
        {"2001:db8::1:2", "host.v6.example", "info"},
    };

    @FuzzTest
    void anyDatabase(byte[] image) throws Exception {
        List<String[]> connections = new ArrayList<>(Arrays.asList(CONNECTIONS));
        for (byte[] key : FuzzInputs.recordKeys(image, 8)) {
            connections.add(connectionFor(new String(key, StandardCharsets.ISO_8859_1)));
        }
        FuzzInputs.withFile(image, file -> FuzzInputs.within(() -> {
            try (CdbReader rules = CdbReader.openUnchecked(MappedInput.map(file))) {
                for (String[] c : connections) {
                    checkDecision(rules, c[0], c[1], c[2]);
                }
            }
        }));
    }

    /** A connection that tries {@code key}: {@code info@ip}, {@code info@=host}, {@code =host} or an ip (prefix). */
    private static String[] connectionFor(String key) {
        int at = key.indexOf('@');
        String info = at < 0 ? null : key.substring(0, at);
        String rest = key.substring(at + 1);
        if (rest.startsWith("=")) {
            return new String[] {"192.0.2.1", rest.substring(1), info};
        }
        return new String[] {rest.endsWith(".") || rest.endsWith(":") ? rest + "1" : rest, null, info};
    }

    /**
     * The decision is made or fails with a CdbFormatException; if made, it is the value of the
     * first candidate key present, or the default if none is.
     */
    private static void checkDecision(CdbReader rules, String ip, String host, String info) throws CdbFormatException {
        Decision d;
        try {
            d = RulesLookup.decide(rules, ip, host, info);
        } catch (CdbFormatException e) {
            assertNotNull(e.getMessage());
            return;
        }
        for (String key : RulesLookup.candidates(ip, host, info)) {
            byte[] value = rules.getBytes(key.getBytes(StandardCharsets.ISO_8859_1));
            if (value != null) {
                assertEquals(RuleData.decode(key, value, 0, value.length), d, "for key " + key);
                return;
            }
            assertTrue(d.key() == null || !d.key().equals(key), "decided by absent key " + key);
        }
        assertEquals(Decision.DEFAULT, d);
        assertNull(d.key());
    }

    @FuzzTest
    void anyValue(byte[] value) {
        Decision d = RuleData.decode("k", value, 0, value.length);
        // the same bytes anywhere in an array
        byte[] padded = new byte[value.length + 6];
        Arrays.fill(padded, (byte) 'D');
        System.arraycopy(value, 0, padded, 3, value.length);
        assertEquals(d, RuleData.decode("k", padded, 3, value.length));
        for (String s : d.settings()) {
            assertTrue(s.indexOf('\0') < 0, "a setting ends at a NUL");
        }
        // what tcprules would write for this decision reads back the same
        byte[] written = RuleData.encode(new Rule("", d.allow(), d.env()));
        Decision again = RuleData.decode("k", written, 0, written.length);
        assertEquals(d.allow(), again.allow());
        assertEquals(d.allow() ? d.env() : List.of(), again.env());
    }
}
