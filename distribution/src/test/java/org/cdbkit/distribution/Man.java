package org.cdbkit.distribution;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cdbkit.testing.Oracle;
import org.opentest4j.TestAbortedException;

/**
 * man(1), as an operator runs it. Where it is missing the tests that need it are skipped,
 * except where the tools are required ({@code CI=true}: .ci/run installs man-db and groff).
 */
final class Man {
    private Man() {
    }

    /** man's path, found on PATH. */
    static Path command() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path man = Path.of(dir.isEmpty() ? "." : dir, "man");
            if (Files.isExecutable(man)) {
                return man;
            }
        }
        String message = "man is not installed (.ci/run installs man-db and groff-base)";
        if (Oracle.required()) {
            fail(message);
        }
        throw new TestAbortedException(message);
    }

    /** Runs man with these arguments, 80 columns wide, in the C locale (UTF-8 where there is one). */
    static Oracle.Result run(Object... arguments) throws Exception {
        List<Object> command = new ArrayList<>(List.of(command()));
        command.addAll(List.of(arguments));
        return Oracle.run(Oracle.command(command.toArray()), null, null, null, "MANWIDTH", "80",
                "LC_ALL", "C.UTF-8", "MANPATH", null, "MANOPT", null);
    }

    /** The text man printed, with every run of white space made one space. */
    static String words(Oracle.Result result) {
        return new String(result.stdout, java.nio.charset.StandardCharsets.UTF_8).replaceAll("\\s+", " ");
    }
}
