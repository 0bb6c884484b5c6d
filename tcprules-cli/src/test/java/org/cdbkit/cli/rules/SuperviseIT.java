package org.cdbkit.cli.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import org.cdbkit.testing.NeedsOriginals;
import org.cdbkit.testing.Oracle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's setup with real components: a service folder (run script with tcpserver -x, and
 * log/ with multilog) under svscan and supervise; svstat reports both up, and the service
 * obeys a cdb our tcprules compiled.
 */
@NeedsOriginals({TcpServerIT.TCPSERVER, "/usr/bin/svscan", "/usr/bin/supervise", "/usr/bin/svstat", "/usr/bin/svc",
    "/usr/bin/svok", "/usr/bin/multilog"})
class SuperviseIT {
    @TempDir
    Path dir;

    @Test
    void superviseRunsTheRulesGuardedService() throws Exception {
        Oracle.tool(TcpServerIT.TCPSERVER);
        Oracle.tool("/usr/bin/svscan");
        Oracle.tool("/usr/bin/svstat");
        Oracle.tool("/usr/bin/svc");
        Oracle.tool("/usr/bin/svok");
        Oracle.tool("/usr/bin/multilog");
        int port = Loopback.freePort();
        Path service = Files.createDirectories(dir.resolve("service/guarded/log"));
        service = service.getParent();
        TcpServerIT.compile(dir, "127.0.0.2:deny\n:allow,GREETING=\"supervised\"\n", service.resolve("rules.cdb"));
        script(service.resolve("run"), "#!/bin/sh\nexec 2>&1\nexec " + TcpServerIT.TCPSERVER
                + " -v -H -R -l 0 -x rules.cdb " + Loopback.SERVER + " " + port
                + " sh -c 'echo \"$GREETING $TCPREMOTEIP\"'\n");
        script(service.resolve("log/run"), "#!/bin/sh\nexec multilog t ./main\n");
        Path scan = Files.createDirectories(dir.resolve("scan"));
        Files.createSymbolicLink(scan.resolve("guarded"), service);

        Process svscan = new ProcessBuilder("/usr/bin/svscan", scan.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("svscan.out").toFile()).start();
        try {
            Loopback.awaitListening(port);
            assertEquals("", Loopback.exchange("127.0.0.2", port));
            assertEquals("supervised 127.0.0.7\n", Loopback.exchange("127.0.0.7", port));
            Thread.sleep(1100); // svstat shows seconds up; let it pass one
            Oracle.Result status = Oracle.run(Oracle.command("/usr/bin/svstat", scan.resolve("guarded"),
                    scan.resolve("guarded/log")), dir, null, null);
            String text = new String(status.stdout, StandardCharsets.ISO_8859_1);
            assertTrue(text.matches("(?s).*/guarded: up \\(pid \\d+\\) \\d+ seconds\n.*/guarded/log: up \\(pid \\d+\\) \\d+ seconds\n"),
                    text);
            String log = awaitLog(service.resolve("log/main/current"), "deny");
            assertTrue(log.contains("tcpserver: deny"), log);
        } finally {
            // svscan first, so that it does not start the services again; then the services,
            // waiting until both supervise processes are gone before the folder is removed
            svscan.destroy();
            if (!svscan.waitFor(5, TimeUnit.SECONDS)) {
                svscan.destroyForcibly();
            }
            Oracle.run(Oracle.command("/usr/bin/svc", "-dx", scan.resolve("guarded"), scan.resolve("guarded/log")),
                    dir, null, null);
            awaitStopped(scan.resolve("guarded"));
            awaitStopped(scan.resolve("guarded/log"));
        }
    }

    /** svok exits 0 while supervise runs for the folder. */
    private void awaitStopped(Path service) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (Oracle.run(Oracle.command("/usr/bin/svok", service), dir, null, null).exitCode != 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("supervise still runs for " + service);
    }

    private static void script(Path file, String text) throws Exception {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** multilog writes as lines arrive; wait a little for one holding {@code word}. */
    private static String awaitLog(Path file, String word) throws Exception {
        String text = "";
        for (int i = 0; i < 50; i++) {
            if (Files.exists(file)) {
                text = Files.readString(file, StandardCharsets.ISO_8859_1);
                if (text.contains(word)) {
                    break;
                }
            }
            Thread.sleep(100);
        }
        return text;
    }
}
