package org.cdbkit.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Random;

import org.cdbkit.testing.Fixtures;
import org.cdbkit.testing.Oracle;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tools' class-data-sharing archives (bin/.cds, made by install.sh for the installed jars):
 * used when they fit, and whatever state they are in, the tools print the same bytes and exit
 * the same way, with no word from the JVM about the archive.
 */
class ClassDataSharingIT {
    private static final Path INSTALL = Fixtures.root().resolve("install.sh");
    private static final Path OTHER_JDK = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    private static final byte[] NONE = new byte[0];

    @TempDir
    Path dir;
    private Path lib;
    private Path bin;
    private Path cdb;
    private Oracle.Result dump;
    private Oracle.Result missingKey;
    private Oracle.Result usage;

    @BeforeEach
    void install() throws Exception {
        Path prefix = dir.resolve("prefix");
        assertEquals(new Oracle.Result(0, NONE, NONE),
                Oracle.run(Oracle.command(INSTALL, prefix), dir, null, null, "DESTDIR", null));
        lib = prefix.resolve("lib/cdbkit");
        bin = prefix.resolve("bin");
        cdb = dir.resolve("one.cdb");
        Files.copy(Fixtures.dir("cdb").resolve("one.cdb"), cdb);
        dump = new Oracle.Result(0, Files.readAllBytes(Fixtures.dir("cdb").resolve("one.dump")), NONE);
        missingKey = new Oracle.Result(100, NONE, NONE);
        usage = new Oracle.Result(100, NONE, ascii("usage: " + bin.resolve("cdbget") + " key [skip]\n\n"));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Runs the tools on one.cdb, each as it must answer; true if every one ran from the archive. */
    private boolean toolsAnswerAsAlways(String path) throws Exception {
        Path log = dir.resolve("classes.log");
        boolean shared = true;
        Object[][] runs = {{"cdbdump", dump}, {"cdbget", usage}, {"cdbget", missingKey, "two"}};
        for (Object[] run : runs) {
            Files.deleteIfExists(log);
            Object[] command = Arrays.copyOfRange(run, 1, run.length);
            command[0] = bin.resolve((String) run[0]);
            Oracle.Result result = Oracle.run(Oracle.command(command), dir, null, cdb,
                    "PATH", path, "CDBKIT_JAVA_OPTS", "-Xlog:class+load:file=" + log);
            assertEquals(run[1], result, Arrays.toString(run));
            shared &= Files.readString(log).contains("org.cdbkit.cli.Main source: shared objects file");
        }
        return shared;
    }

    private boolean toolsAnswerAsAlways() throws Exception {
        return toolsAnswerAsAlways(System.getenv("PATH"));
    }

    private void overwrite(Path archive, byte[] bytes) throws Exception {
        Files.deleteIfExists(archive); // read-only, as made
        Files.write(archive, bytes);
    }

    @Test
    void theArchiveIsUsedAndAnyFaultInItOnlyCostsTime() throws Exception {
        Path archive = lib.resolve("cdbmake-cli.jsa");
        byte[] good = Files.readAllBytes(archive);
        assertTrue(good.length > 1_000_000, "an archive of the classes: " + good.length + " bytes");
        assertTrue(toolsAnswerAsAlways(), "the tools start from the archive install.sh made");

        byte[] garbage = new byte[good.length];
        new Random(7).nextBytes(garbage);
        overwrite(archive, garbage); // its length, so only the JVM can tell
        assertFalse(toolsAnswerAsAlways(), "garbage of the archive's length");
        overwrite(archive, Arrays.copyOf(garbage, 4096));
        assertFalse(toolsAnswerAsAlways(), "a little garbage");
        overwrite(archive, Arrays.copyOf(good, good.length / 2)); // Java 17 would crash on it
        assertFalse(toolsAnswerAsAlways(), "truncated");
        overwrite(archive, NONE);
        assertFalse(toolsAnswerAsAlways(), "empty");
        Files.delete(archive);
        assertFalse(toolsAnswerAsAlways(), "missing");

        overwrite(archive, good);
        assertTrue(toolsAnswerAsAlways(), "whole again");
        Path jar = lib.resolve("cdbmake-cli.jar");
        FileTime built = Files.getLastModifiedTime(jar);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(built.toMillis() + 3_600_000));
        assertFalse(toolsAnswerAsAlways(), "stale: the jar changed after the archive was made");
        Files.setLastModifiedTime(jar, built);
        Files.delete(lib.resolve("cdbmake-cli.jsa.made"));
        assertFalse(toolsAnswerAsAlways(), "no record of its making");
    }

    @Test
    void theOtherJarsArchiveToo() throws Exception {
        Path rules = dir.resolve("rules");
        Files.write(rules, ascii("10.0.0.:allow,RELAYCLIENT=\"\"\n"));
        Path log = dir.resolve("classes.log");
        Oracle.Result compiled = Oracle.run(Oracle.command(bin.resolve("tcprules"), "r.cdb", "r.tmp"), dir, null,
                rules, "CDBKIT_JAVA_OPTS", "-Xlog:class+load:file=" + log);
        assertEquals(new Oracle.Result(0, NONE, NONE), compiled);
        assertTrue(Files.readString(log).contains("org.cdbkit.cli.Main source: shared objects file"));
        Oracle.Result expected = new Oracle.Result(0,
                ascii("rule 10.0.0.:\nset environment variable RELAYCLIENT=\nallow connection\n"), NONE);
        assertEquals(expected, Oracle.run(Oracle.command(bin.resolve("tcprulescheck"), "r.cdb"), dir, null, null,
                "TCPREMOTEIP", "10.0.0.7"));
        Files.delete(lib.resolve("tcprules-cli.jsa"));
        assertEquals(expected, Oracle.run(Oracle.command(bin.resolve("tcprulescheck"), "r.cdb"), dir, null, null,
                "TCPREMOTEIP", "10.0.0.7"));
    }

    /** Another JVM first on PATH: the archive is not passed to it, so it keeps its own default one. */
    @Test
    void anotherJdkRunsWithoutIt() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(OTHER_JDK.resolve("bin/java")),
                "another JDK to run the tools with: " + OTHER_JDK + " is not installed");
        String path = OTHER_JDK.resolve("bin") + ":" + System.getenv("PATH");
        Path archive = lib.resolve("cdbmake-cli.jsa");
        byte[] good = Files.readAllBytes(archive);
        assertFalse(toolsAnswerAsAlways(path));
        Path log = dir.resolve("classes.log");
        assertEquals(new Oracle.Result(0, ascii("Hello"), NONE), Oracle.run(Oracle.command(bin.resolve("cdbget"), "one"),
                dir, null, cdb, "PATH", path, "CDBKIT_JAVA_OPTS", "-Xlog:class+load:file=" + log));
        assertTrue(Files.readString(log).contains("java.lang.Object source: shared objects file"),
                "the other JDK still starts from its own default archive");
        // given it anyway, it says nothing either
        Files.writeString(lib.resolve("cdbmake-cli.jsa.made"), good.length + "\n" + OTHER_JDK.resolve("bin/java")
                + "\n");
        assertFalse(toolsAnswerAsAlways(path));
        byte[] garbage = new byte[good.length];
        new Random(7).nextBytes(garbage);
        overwrite(archive, garbage);
        assertFalse(toolsAnswerAsAlways(path));
    }

    /**
     * Another JVM makes its own archive with bin/.cds, and the tools then start from it. (Java 25
     * refused the lists of several training runs joined as they were, each class's id twice.)
     */
    @Test
    void anotherJdkMakesItsOwn() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(OTHER_JDK.resolve("bin/java")),
                "another JDK to make an archive with: " + OTHER_JDK + " is not installed");
        String path = OTHER_JDK.resolve("bin") + ":" + System.getenv("PATH");
        assertFalse(toolsAnswerAsAlways(path), "not from the archive that Java 17 made");
        Oracle.Result made = Oracle.run(Oracle.command(lib.resolve("bin/.cds"), "cdbmake-cli"), dir, null, null,
                "PATH", path);
        assertEquals(0, made.exitCode, made.stderrText());
        assertTrue(Files.readString(lib.resolve("cdbmake-cli.jsa.made")).contains(OTHER_JDK.resolve("bin/java").toString()));
        assertTrue(toolsAnswerAsAlways(path), "from the archive the other JDK made");
    }
}
