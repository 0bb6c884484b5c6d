package org.cdbkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.cdbkit.cdb.CdbFormatException;
import org.cdbkit.testing.Oracle;
import org.junit.jupiter.api.Test;

/** How a tool ends: exit codes and the one line on standard error, as djb's tools end. */
class ToolRunnerTest {
    /** A tool that prints its arguments, one a line, and exits with their number. */
    public static final class Echo implements Callable<Integer> {
        private final ToolIo io;
        private final List<String> arguments;

        public Echo(ToolIo io, List<String> arguments) {
            this.io = io;
            this.arguments = arguments;
        }

        @Override
        public Integer call() throws IOException {
            for (String a : arguments) {
                io.out().write((a + "\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            return arguments.size();
        }
    }

    private static Oracle.Result execute(Callable<Integer> command) {
        InProcessIo io = new InProcessIo(null, false, Map.of());
        return io.result(ToolRunner.execute(io, "cdbtool", command));
    }

    private static Oracle.Result failing(Exception e) {
        return execute(() -> {
            throw e;
        });
    }

    @Test
    void argumentsReachTheCommandAsTheyAre() {
        InProcessIo io = new InProcessIo(null, false, Map.of());
        int code = ToolRunner.run(io, Echo.class.getName(), "echo", List.of("--help", "--", "-", "", "caf\u00e9"));
        assertEquals(new Oracle.Result(5, "--help\n--\n-\n\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1),
                new byte[0]), io.result(code));
    }

    @Test
    void aCommandThatIsNotThereIsABugNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ToolRunner.run(
                new InProcessIo(null, false, Map.of()), "org.cdbkit.cli.NoSuchCommand", "x", List.of()));
        assertEquals("no tool org.cdbkit.cli.NoSuchCommand (bin/.tools names it)", e.getMessage());
    }

    @Test
    void theCommandsCodeIsTheExitCode() {
        assertEquals(new Oracle.Result(0, new byte[0], new byte[0]), execute(() -> 0));
        assertEquals(new Oracle.Result(100, new byte[0], new byte[0]), execute(() -> 100));
    }

    @Test
    void aFailureIsOneFatalLineAndItsCode() {
        assertEquals(new Oracle.Result(111, new byte[0],
                "cdbtool: fatal: unable to read input: truncated file\n".getBytes(StandardCharsets.US_ASCII)),
                failing(ToolFailure.fatal(ToolFailure.TEMPORARY, "unable to read input: truncated file")));
        assertEquals(new Oracle.Result(100, new byte[0],
                "cdbtool: fatal: bad key\n".getBytes(StandardCharsets.US_ASCII)),
                failing(ToolFailure.fatal(ToolFailure.PERMANENT, "bad key", new IOException("cause"))));
    }

    @Test
    void aUsageFailureIsTheUsageMessageAsItIsExit100() {
        ToolFailure usage = ToolFailure.usage(Program.usage("cdbget", "key [skip]"));
        assertEquals(ToolFailure.PERMANENT, usage.exitCode());
        assertEquals(new Oracle.Result(100, new byte[0],
                ("usage: " + Program.argv0("cdbget") + " key [skip]\n\n").getBytes(StandardCharsets.ISO_8859_1)),
                failing(usage));
    }

    @Test
    void anUncaughtIoErrorIsTemporaryInDjbsWords() {
        assertEquals(new Oracle.Result(111, new byte[0],
                "cdbtool: fatal: file does not exist\n".getBytes(StandardCharsets.US_ASCII)),
                failing(new NoSuchFileException("/etc/tcp/ssh")));
    }

    @Test
    void aBugIsNotWordedHere() {
        IllegalArgumentException bug = new IllegalArgumentException("a bug");
        assertSame(bug, assertThrows(IllegalArgumentException.class, () -> failing(bug)));
        Exception checked = new Exception("checked");
        assertSame(checked, assertThrows(IllegalStateException.class, () -> failing(checked)).getCause());
    }

    @Test
    void aDamagedDatabaseIsSaidAsTheOriginalsSayIt() {
        ToolFailure outside = CdbFailures.reading(new CdbFormatException(CdbFormatException.Kind.OUT_OF_RANGE,
                "hash slot at 5002059 lies past the end of the file (2100 bytes)"));
        assertEquals(111, outside.exitCode());
        assertEquals("cdbget: fatal: unable to read input: protocol error", outside.line("cdbget"));
        for (CdbFormatException.Kind kind : CdbFormatException.Kind.values()) {
            if (kind != CdbFormatException.Kind.OUT_OF_RANGE) {
                assertEquals("cdbdump: fatal: unable to read input: truncated file",
                        CdbFailures.reading(new CdbFormatException(kind, "short")).line("cdbdump"), kind.toString());
            }
        }
    }

    @Test
    void aFailedReadIsSaidWithTheSystemsError() {
        ToolFailure f = CdbFailures.reading(new ReadFailure(new IOException("Input/output error")));
        assertEquals(111, f.exitCode());
        assertEquals("cdbstats: fatal: unable to read input: input/output error", f.line("cdbstats"));
        assertEquals("cdbtest: fatal: unable to read input: is a directory",
                CdbFailures.reading(new IOException("Is a directory")).line("cdbtest"));
        assertTrue(f.getCause() instanceof ReadFailure);
    }
}
