package org.cdbkit.cli.all;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.cdbkit.rules.RulesCompiler;
import org.cdbkit.cli.InProcessIo;
import org.cdbkit.cli.ToolTable;
import org.cdbkit.testing.Fixtures;
import org.cdbkit.testing.Oracle;

/** Runs cdbmake-all in-process, as the tests see it: arguments and output as byte strings. */
final class Runs {
    private Runs() {
    }

    /** What a run printed and returned. */
    static final class Run {
        final int code;
        final String out;
        final String err;

        Run(int code, String out, String err) {
            this.code = code;
            this.out = out;
            this.err = err;
        }

        @Override
        public String toString() {
            return "exit " + code + "\n" + out + err;
        }
    }

    static Run run(String... args) {
        InProcessIo io = new InProcessIo(null, false, java.util.Map.of());
        Oracle.Result r = io.result(ToolTable.run(io, "cdbmake-all", args));
        return new Run(r.exitCode, new String(r.stdout, StandardCharsets.ISO_8859_1), r.stderrText());
    }

    /** A folder {@code tcp} in {@code root} holding a copy of fixtures/etc-tcp (a Makefile and three rules files). */
    static Path exampleIn(Path root) throws IOException {
        Path dir = Files.createDirectory(root.resolve("tcp"));
        for (String name : new String[] {"Makefile", "ssh", "smtp", "pop3"}) {
            Files.copy(Fixtures.dir("etc-tcp").resolve(name), dir.resolve(name));
        }
        return dir;
    }

    /** The mode tcprules gives a new file in {@code folder}: 0644 less the umask. */
    static String createdMode(Path folder) throws IOException {
        Path probe = Files.createTempFile(folder, "mode", ".probe",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(probe));
        Files.delete(probe);
        return mode;
    }

    /** What our tcprules (byte-identical to the real one) writes for the rules in {@code source}. */
    static byte[] compiledByTcprules(Path source, Path scratchFolder) throws IOException {
        Path cdb = Files.createTempFile(scratchFolder, "expected", ".cdb");
        try (InputStream in = Files.newInputStream(source)) {
            RulesCompiler.compile(in, cdb, cdb.resolveSibling(cdb.getFileName() + ".tmp"));
        }
        byte[] bytes = Files.readAllBytes(cdb);
        Files.delete(cdb);
        return bytes;
    }
}
