package org.cdbkit.cli.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.cdbkit.testing.Fixtures;
import org.cdbkit.testing.NeedsOriginals;
import org.cdbkit.testing.Oracle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real tcpserver obeys a rules cdb compiled by our bin/tcprules: the right clients are
 * allowed or dropped, the rule's variables reach the program it runs, and a recompile while
 * it runs changes the very next connection. Loopback only: clients are 127.0.0.2 and so on.
 */
@NeedsOriginals({TcpServerIT.TCPSERVER, TcpServerIT.TCPSERVER6})
class TcpServerIT {
    static final String TCPSERVER = "/opt/ucspi-tcp/usr/bin/tcpserver";
    static final String TCPSERVER6 = "/opt/ucspi-tcp-ipv6/usr/bin/tcpserver";
    private static final Path BIN = Fixtures.root().resolve("bin");

    @TempDir
    Path dir;

    static void compile(Path dir, String rules, Path cdb) throws Exception {
        Path text = dir.resolve("rules.txt");
        Files.write(text, rules.getBytes(StandardCharsets.ISO_8859_1));
        Oracle.Result r = Oracle.run(Oracle.command(BIN.resolve("tcprules"), cdb, cdb + ".tmp"), dir, null, text);
        assertEquals(0, r.exitCode, r.toString());
    }

    @Test
    void tcpserverObeysOurRulesAndSeesARecompileAtOnce() throws Exception {
        Oracle.tool(TCPSERVER);
        Path cdb = dir.resolve("rules.cdb");
        compile(dir, "127.0.0.2:deny\n127.0.0.3:allow,GREETING=\"three\"\n127.0.0.4-5:allow,GREETING=/range/\n"
                + "127.:allow,GREETING='loopback'\n:deny\n", cdb);
        int port = Loopback.freePort();
        Process server = new ProcessBuilder(TCPSERVER, "-H", "-R", "-l", "0", "-x", cdb.toString(), Loopback.SERVER,
                String.valueOf(port), "sh", "-c", "printf '%s %s\\n' \"$GREETING\" \"$TCPREMOTEIP\"")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
        try {
            Loopback.awaitListening(port);
            assertEquals("", Loopback.exchange("127.0.0.2", port), "denied by 127.0.0.2:deny");
            assertEquals("three 127.0.0.3\n", Loopback.exchange("127.0.0.3", port));
            assertEquals("range 127.0.0.5\n", Loopback.exchange("127.0.0.5", port));
            assertEquals("loopback 127.0.0.9\n", Loopback.exchange("127.0.0.9", port));

            compile(dir, "127.0.0.3:deny\n127.0.0.2:allow,GREETING=\"two\"\n:allow\n", cdb);
            assertEquals("", Loopback.exchange("127.0.0.3", port), "the new rules deny 127.0.0.3");
            assertEquals("two 127.0.0.2\n", Loopback.exchange("127.0.0.2", port));
            assertEquals(" 127.0.0.9\n", Loopback.exchange("127.0.0.9", port), "allowed by :allow, no variable");
        } finally {
            server.destroy();
            if (!server.waitFor(5, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    /** The IPv6 build of tcpserver on ::1 obeys IPv6 rules our tcprules compiled. */
    @Test
    void theIpv6TcpserverObeysIpv6Rules() throws Exception {
        Oracle.tool(TCPSERVER6);
        Path cdb = dir.resolve("rules6.cdb");
        compile(dir, "::1:allow,GREETING=\"v6 loopback\"\n:deny\n", cdb);
        int port = Loopback.freePort();
        Process server = new ProcessBuilder(TCPSERVER6, "-H", "-R", "-l", "0", "-x", cdb.toString(), "::1",
                String.valueOf(port), "sh", "-c", "printf '%s %s\\n' \"$GREETING\" \"$TCPREMOTEIP\"")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("log6").toFile()).start();
        try {
            Loopback.awaitListening("::1", port);
            assertEquals("v6 loopback ::1\n", Loopback.exchange("::1", "::1", port));
            compile(dir, "::1:deny\n:allow\n", cdb);
            assertEquals("", Loopback.exchange("::1", "::1", port), "the new rules deny ::1");
        } finally {
            server.destroy();
            if (!server.waitFor(5, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }
}
