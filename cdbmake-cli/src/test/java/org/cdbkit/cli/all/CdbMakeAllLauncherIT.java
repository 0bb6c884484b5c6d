package org.cdbkit.cli.all;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.cdbkit.testing.Fixtures;
import org.cdbkit.testing.Oracle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/cdbmake-all as a daemontools run script runs it, under the C locale: a file name that
 * is not UTF-8 goes in as an argument's bytes and comes out in the messages unchanged.
 */
class CdbMakeAllLauncherIT {
    private static final Path BIN = Fixtures.root().resolve("bin");

    @TempDir
    Path dir;

    /** Runs {@code script} with sh, where {@code $L} is the name whose last byte is 0xE9. */
    private Oracle.Result sh(String script) throws Exception {
        return Oracle.run(Oracle.command("sh", "-c", "L=$(printf 'lat\\351'); " + script, "sh",
                BIN.resolve("cdbmake-all"), dir), dir, null, null, "LC_ALL", "C");
    }

    @Test
    void aNameThatIsNotUtf8UnderTheCLocale() throws Exception {
        assertEquals(0, sh("printf '10.0.0.:allow\\n:deny\\n' > \"$L\"").exitCode);
        Oracle.Result named = sh("exec \"$1\" -C \"$2\" \"$L.cdb\"");
        assertEquals(new Oracle.Result(0, "cdbmake-all: lat\u00e9.cdb: rebuilt from lat\u00e9 (it does not exist)\n"
                .getBytes(StandardCharsets.ISO_8859_1), new byte[0]), named);
        assertEquals(0, sh("test -f \"$L.cdb\"").exitCode, "lat\\xe9.cdb, byte for byte");

        Oracle.Result all = sh("exec \"$1\" -C \"$2\" -v");
        assertEquals(new Oracle.Result(0, ("cdbmake-all: lat\u00e9.cdb: up to date\n"
                + "cdbmake-all: everything is up to date (1 target)\n").getBytes(StandardCharsets.ISO_8859_1),
                new byte[0]), all);
    }
}
